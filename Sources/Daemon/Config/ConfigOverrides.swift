/// The command-line flags that can override the config file. A non-nil value always wins.
public struct ConfigOverrides: Sendable, Equatable {
    var inbox: String?
    var dataDir: String?
    /// The feed (PUB) endpoint, e.g. `tcp://127.0.0.1:5560`.
    var feed: String?
    /// The control (ROUTER) endpoint that `reportctl` talks to.
    var control: String?

    public init(inbox: String? = nil, dataDir: String? = nil, feed: String? = nil, control: String? = nil) {
        self.inbox = inbox
        self.dataDir = dataDir
        self.feed = feed
        self.control = control
    }
}
