import ReportParsing
import ReportProtocol

/// A tiny report around hand-written review and plan text, for tests of one parsing rule each.
public enum SmallReport {
    public static func text(review: String, plan: String) -> String {
        """
        北京市某某区2023年政府工作报告
        一、2022年工作回顾
        \(review)
        二、2023年工作安排
        \(plan)
        """
    }

    public static func parse(_ text: String) throws -> ParsedDocument {
        try ReportParser().parse(bytes: Array(text.utf8), fileName: "rules.txt")
    }
}
