import ArgumentParser
import ReportClient
import ReportProtocol
import ZMQ

/// `reportctl subscribe`: the daemon's result feed as JSON Lines, one envelope per line.
struct SubscribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscribe",
        abstract: "Print feed events as JSON Lines until interrupted.",
        discussion: "With --since, first prints the stored events after SEQ, then follows live ones without gap or duplicate.")

    @OptionGroup var daemon: DaemonOptions

    @Option(name: .customLong("feed"), help: ArgumentHelp("The daemon's feed endpoint.", valueName: "endpoint"))
    var feedEndpoint: String?

    @Option(help: ArgumentHelp("Only events whose topic starts with this, e.g. report.done.", valueName: "prefix"))
    var topic: String?

    @Option(help: ArgumentHelp("Replay stored events with a seq above this first (0: all).", valueName: "seq"))
    var since: Int64?

    func validate() throws {
        if let since, since < 0 { throw ValidationError("--since must be 0 or more") }
    }

    func run() throws {
        let signals = SignalWatch()
        let context = try Context()
        let feed = try context.socket(.sub)
        // Subscribing before replaying is what makes the clone pattern gap-free.
        try feed.subscribe(topic ?? "")
        let endpoint = feedEndpoint ?? DaemonEndpoints.feed(dataDirectory: daemon.dataDirectory)
        try feed.useCurve(try daemon.curveCredentials(), for: endpoint)
        try feed.connect(endpoint)
        let control = try daemon.controlClient(context: context)
        control.isInterrupted = { signals.isStopping }
        let follower = FeedFollower(
            topic: topic, since: since, control: control, isStopping: { signals.isStopping },
            deliver: { try Output.jsonLine($0) }, warn: Output.warning)
        do {
            try follower.catchUp()
            try follow(feed, into: follower, until: signals)
        } catch is Output.Closed {
            // The reader went away (`reportctl subscribe | head`): nothing left to do.
        } catch ControlClientError.interrupted {
            // Ctrl-C while waiting for a replay page: as clean an exit as during the live part.
        }
    }

    private func follow(_ feed: Socket, into follower: FeedFollower, until signals: SignalWatch) throws {
        var poller = Poller()
        poller.add(feed)
        // Short polls keep a Ctrl-C answered promptly while the signals stay blocked.
        while !signals.isStopping {
            guard try poller.poll(timeoutMilliseconds: 200)[0].contains(.readable) else { continue }
            while let frames = try feed.receiveMultipart(dontWait: true) {
                do { try follower.receive(try FeedEnvelope.decode(frames: frames)) }
                catch let error as ProtocolError { Output.warning("skipping a feed message: \(error)") }
                catch let error as DecodingError { Output.warning("skipping a feed message: \(error)") }
            }
        }
    }
}
