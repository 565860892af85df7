/// A message that does not follow the wire protocol.
public struct ProtocolError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Code: String, Sendable { case malformed, unsupportedVersion, unknownCommand }
    public let code: Code
    public let detail: String

    public static func malformed(_ detail: String) -> ProtocolError { .init(code: .malformed, detail: detail) }
    public static func unsupportedVersion(_ detail: String) -> ProtocolError { .init(code: .unsupportedVersion, detail: detail) }
    public static func unknownCommand(_ detail: String) -> ProtocolError { .init(code: .unknownCommand, detail: detail) }

    public var description: String { "\(code.rawValue): \(detail)" }
}
