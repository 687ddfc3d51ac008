import Testing
@testable import MZPlanPostgres

/// Resolving `--url`, `MZPLAN_URL` and the libpq variables (SPEC §2), without a server.
@Suite struct ConnectionConfigurationTests {
    @Test("a full URL sets every part, percent-decoded")
    func fullURL() throws {
        let configuration = try ConnectionConfiguration.resolve(
            url: "postgres://me%40example.com:p%40ss@abc.us-east-1.aws.materialize.cloud:6876/prod?sslmode=verify-full&connect_timeout=3&sslrootcert=/etc/ca.pem",
            environment: [:])
        #expect(configuration.user == "me@example.com")
        #expect(configuration.password == "p@ss")
        #expect(configuration.host == "abc.us-east-1.aws.materialize.cloud")
        #expect(configuration.port == 6876)
        #expect(configuration.database == "prod")
        #expect(configuration.sslMode == .verifyFull)
        #expect(configuration.connectTimeout == .seconds(3))
        #expect(configuration.sslRootCert == "/etc/ca.pem")
    }

    @Test("defaults: port 6875, database materialize, TLS required off loopback, disabled on loopback", arguments: [
        ("db.example.com", SSLMode.require), ("localhost", .disable), ("127.0.0.1", .disable), ("::1", .disable),
    ])
    func defaults(host: String, sslMode: SSLMode) throws {
        let host = host.contains(":") ? "[\(host)]" : host
        let configuration = try ConnectionConfiguration.resolve(url: "postgres://me@\(host)", environment: [:])
        #expect(configuration.port == 6875)
        #expect(configuration.database == "materialize")
        #expect(configuration.sslMode == sslMode)
    }

    @Test("--url beats MZPLAN_URL, which beats the libpq variables; the URL's gaps come from PG*")
    func precedence() throws {
        let environment = [
            "MZPLAN_URL": "postgres://envuser@envhost/envdb", "PGHOST": "pghost", "PGUSER": "pguser",
            "PGPASSWORD": "pgpass", "PGPORT": "7000", "PGDATABASE": "pgdb", "PGSSLMODE": "disable",
        ]
        let flag = try ConnectionConfiguration.resolve(url: "postgres://flaguser@flaghost", environment: environment)
        #expect(flag.user == "flaguser")
        #expect(flag.host == "flaghost")
        #expect(flag.password == "pgpass")
        #expect(flag.port == 7000)
        #expect(flag.database == "pgdb")
        #expect(flag.sslMode == .disable)

        let fromEnvironment = try ConnectionConfiguration.resolve(url: nil, environment: environment)
        #expect(fromEnvironment.host == "envhost")
        #expect(fromEnvironment.database == "envdb")

        var libpq = environment
        libpq["MZPLAN_URL"] = nil
        let fromLibpq = try ConnectionConfiguration.resolve(url: nil, environment: libpq)
        #expect(fromLibpq == ConnectionConfiguration(
            host: "pghost", port: 7000, user: "pguser", password: "pgpass", database: "pgdb", sslMode: .disable))
    }

    @Test("bad inputs are one-line errors that never repeat the password", arguments: [
        "mysql://me:s3cret-pw@host/db", "postgres://me:s3cret-pw@host/db?sslmode=prefer",
        "postgres://me:s3cret-pw@host/db?bogus=1", "postgres://me:s3cret-pw@host/db?connect_timeout=0",
        "postgres://me:s3cret-pw@host:99999/db",
    ])
    func invalid(url: String) {
        #expect {
            try ConnectionConfiguration.resolve(url: url, environment: [:])
        } throws: { error in
            let error = error as? ConnectionError
            return error?.kind == .invalidConfiguration && error?.message.contains("s3cret-pw") == false
                && error?.message.contains("\n") == false
        }
    }

    @Test("the description names user, host, port, database and sslmode, never the password")
    func description() throws {
        let configuration = try ConnectionConfiguration.resolve(url: "postgres://me:s3cret-pw@host:1234/db", environment: [:])
        #expect(configuration.description == "me@host:1234/db (sslmode=require)")
    }

    @Test("the mz_version startup parameter is read from PostgresNIO's trace of backend messages")
    func startupParameter() {
        let traced = #".parameterStatus(parameter: "mz_version", value: "v26.10.1 (3b2f6c1d9)")"#
        #expect(StartupParameterCapture.mzVersion(inMessage: traced) == "v26.10.1 (3b2f6c1d9)")
        #expect(StartupParameterCapture.mzVersion(inMessage: #".parameterStatus(parameter: "server_version", value: "15.18")"#) == nil)
    }
}
