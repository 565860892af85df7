import ReportLogging

/// Reads `[metrics]` and `[daemon] log_format` for `ConfigFileReader`, applying the endpoint
/// policy: plain HTTP is served on loopback only, unless `allow_network = true` says the
/// operator wants the numbers (never file names or text) readable from the network.
enum MetricsConfigReader {
    static func read(_ section: inout TOMLSection) throws(ConfigError) -> MetricsSettings {
        var settings = MetricsSettings()
        settings.allowNetwork = try section.bool("allow_network") ?? false
        if let text = try section.string("address") {
            switch MetricsAddress.parse(text) {
            case .success(let address): settings.address = address
            case .failure(let error): throw section.invalid("address", "`\(text)` \(error.reason)")
            }
        }
        try section.rejectUnknownKeys(known: ["address", "allow_network"])
        if let address = settings.address, !address.isLoopback, !settings.allowNetwork {
            throw section.invalid("address", "`\(address)` can be reached from the network, and the metrics "
                + "endpoint is plain HTTP without authentication. Bind it to 127.0.0.1 (and let a local "
                + "Prometheus or a proxy read it), or set `allow_network = true` in [metrics] to serve it there anyway")
        }
        return settings
    }

    static func logFormat(_ section: inout TOMLSection) throws(ConfigError) -> LogFormat? {
        guard let value = try section.string("log_format") else { return nil }
        guard let format = LogFormat(rawValue: value) else {
            throw section.invalid("log_format", "`\(value)` is not one of \(LogFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return format
    }
}
