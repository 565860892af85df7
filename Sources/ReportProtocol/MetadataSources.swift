/// Where the parser found each metadata field of a `ParsedDocument`, in the order of trust it
/// applies: the title, the speaker's line, the date line (`——2025年1月8日在…会议上`), the
/// opening (`我代表…人民政府`), a section heading (`一、2024年工作回顾`), the body. Nil for a field
/// that was not found.
public struct MetadataSources: Codable, Sendable, Equatable {
    public var region: MetadataSource?
    public var speaker: MetadataSource?
    public var meetingDate: MetadataSource?
    public var session: MetadataSource?
    public var reviewYear: MetadataSource?
    public var planYear: MetadataSource?

    public init(region: MetadataSource? = nil, speaker: MetadataSource? = nil, meetingDate: MetadataSource? = nil,
                session: MetadataSource? = nil, reviewYear: MetadataSource? = nil, planYear: MetadataSource? = nil) {
        self.region = region
        self.speaker = speaker
        self.meetingDate = meetingDate
        self.session = session
        self.reviewYear = reviewYear
        self.planYear = planYear
    }
}

public enum MetadataSource: String, Codable, Sendable, Equatable {
    case title
    case speakerLine = "speaker_line"
    case dateLine = "date_line"
    case opening
    /// A section heading: `一、2024年工作回顾` names the review year.
    case heading
    case body
    /// Worked out from the other year: the plan year is the year after the review year.
    case derived
}
