/// Plain TCP only on loopback: an endpoint the network can reach must use CURVE.
enum EndpointPolicy {
    /// Throws, naming the endpoint's setting and the key that would allow it, when `setting`
    /// is reachable from the network and CURVE is off.
    static func check(_ setting: SourcedSetting, curve: Bool) throws(ConfigError) {
        guard EndpointExposure(endpoint: setting.value) == .network, !curve else { return }
        throw ConfigError(file: setting.file, key: setting.key, reason: .invalidValue(
            "`\(setting.value)` can be reached from the network, and plain TCP is allowed only on loopback "
            + "(127.0.0.0/8, ::1, localhost). Set `curve = true` in the [security] table to require CURVE keys "
            + "on it (clients' public keys go in the authorized keys folder), or bind to 127.0.0.1 or an ipc:// socket"))
    }
}
