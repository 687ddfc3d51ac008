#!/bin/sh
# Generic CI gate for mzplan (GitLab CI, Jenkins, Buildkite, a pre-commit hook, ...).
#
#   examples/ci/check.sh                 validate the manifest offline
#   examples/ci/check.sh catalog.json    also plan against a catalog snapshot
#                                        (take one with: mzplan catalog dump --url "$MZPLAN_URL" -o catalog.json)
#
# MZPLAN_MANIFEST names the manifest (default mzplan.yaml). Exit status: 0 valid and nothing
# blocked (changes pending are fine: the plan is printed), 1 invalid manifest or unreadable
# catalog, 3 a move is blocked.
set -u
manifest="${MZPLAN_MANIFEST:-mzplan.yaml}"

mzplan check -f "$manifest" || exit $?
[ $# -ge 1 ] || exit 0

mzplan check -f "$manifest" --catalog "$1" --detailed-exitcode
status=$?
case $status in
  0) echo "mzplan: the catalog already matches $manifest" ;;
  2) echo "mzplan: changes pending:"
     mzplan diff -f "$manifest" --catalog "$1"
     status=0 ;;
  3) echo "mzplan: a move is blocked; see the findings above" ;;
esac
exit $status
