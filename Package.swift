// swift-tools-version:6.1
import PackageDescription

let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "mzplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mzplan", targets: ["mzplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        .target(
            name: "MZPlanCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "MZPlanPostgres",
            dependencies: [
                "MZPlanCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "MZPlanSimulator",
            dependencies: ["MZPlanCore"],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "MZPlanTestSupport",
            dependencies: ["MZPlanCore"],
            swiftSettings: upcomingFeatures
        ),
        .executableTarget(
            name: "mzplan",
            dependencies: [
                "MZPlanCore",
                "MZPlanPostgres",
                "MZPlanSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "MZPlanCoreTests",
            dependencies: ["MZPlanCore", "MZPlanTestSupport"],
            exclude: ["Snapshots", "Fixtures"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "MZPlanSimulatorTests",
            dependencies: ["MZPlanCore", "MZPlanSimulator", "MZPlanTestSupport"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "mzplanTests",
            dependencies: ["MZPlanCore", "MZPlanTestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Snapshots", "Fixtures"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "MZPlanPostgresTests",
            dependencies: [
                "MZPlanPostgres",
                "MZPlanCore",
                "MZPlanTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Snapshots", "Fixtures"],
            swiftSettings: upcomingFeatures
        ),
    ]
)
