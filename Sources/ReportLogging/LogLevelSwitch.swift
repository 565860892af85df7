import Foundation
import Logging

/// The process's current log level, shared by every handler, so `SIGHUP` (the daemon) or a
/// broker's `WELCOME` (a plugin) changes it for loggers that already exist.
public final class LogLevelSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Logger.Level

    public init(_ level: Logger.Level) {
        current = level
    }

    public var level: Logger.Level {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
}
