/// When crashed plugins are restarted and when the supervisor gives up on one.
struct RestartPolicy: Sendable, Equatable {
    /// The first restart delay; it doubles with each quick death up to `maximumBackoff`.
    var initialBackoff: Duration
    var maximumBackoff: Duration
    /// A process that dies sooner than this after starting counts as a quick death; one that
    /// lives longer counts as stable (status `running`) and resets the backoff.
    var quickDeathWindow: Duration
    /// After this many consecutive quick deaths an instance is marked `failed` and left alone.
    var maximumQuickDeaths: Int
    /// How long a plugin removed or changed by `reload` gets between SIGTERM and SIGKILL.
    var retireGrace: Duration

    init(initialBackoff: Duration = .milliseconds(500), maximumBackoff: Duration = .seconds(30),
                quickDeathWindow: Duration = .seconds(10), maximumQuickDeaths: Int = 5,
                retireGrace: Duration = .seconds(10)) {
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.quickDeathWindow = quickDeathWindow
        self.maximumQuickDeaths = maximumQuickDeaths
        self.retireGrace = retireGrace
    }
}
