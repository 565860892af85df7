import Foundation

/// The fixed query mix, taken in turn: common and rare terms of each length, some inside longer
/// words (冬奥 in 冬奥会), one across a word boundary (量发), one found nowhere.
final class QueryMix: @unchecked Sendable {
    static let terms = [
        "冬奥", "生态", "发展", "量发", "水库", "海淀",
        "门头沟", "永定河", "金海湖", "新能源", "冬奥会", "农业园",
        "密云水库", "高质量发展", "农业中关村", "生态涵养区", "一般公共预算收入", "鲸鱼潜艇",
    ]
    private var position = 0
    func query() -> String {
        defer { position += 1 }
        return Self.terms[position % Self.terms.count]
    }
}
