/// A test fixture (a daemon, a worker, a log) did not reach the state a test waits for: the
/// message says what was awaited and what was seen instead.
struct FixtureFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
