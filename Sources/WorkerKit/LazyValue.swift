import Foundation

/// A value made on first use and shared after, for resources a plugin opens once
/// (an index, a dictionary) but not before it knows it will serve.
public final class LazyValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let make: () throws -> Value
    private var value: Value?

    public init(_ make: @escaping () throws -> Value) {
        self.make = make
    }

    public func get() throws -> Value {
        try lock.withLock {
            if let value { return value }
            let made = try make()
            value = made
            return made
        }
    }
}
