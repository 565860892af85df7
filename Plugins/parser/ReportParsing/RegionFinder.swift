import ChineseText
import ReportProtocol

/// The region of a report, from the cues in order of trust: the title, the speaker's line, the
/// date line, the opening (`我代表…人民政府`), the body. Each cue is read through the gazetteer,
/// so only real units (or 全国) come out; when cues disagree, the more trusted one is kept and
/// the disagreement is written into `notes`.
struct RegionFinder {
    struct Cue {
        let source: MetadataSource
        let reading: RegionReading
    }

    /// Decision logic only: the cues as the metadata reader found them.
    struct Cues {
        var title: String?
        /// A line of its own naming the government above the title, `广东省人民政府`: part of the title block.
        var letterhead: String?
        var speakerLine: (text: ScalarText, officeStart: Int)?
        var dateLine: DateLine?
        /// The opening sentence, `现在，我代表北京市东城区人民政府，向大会报告…`.
        var opening: String?
    }

    var region: String?
    var full: String?
    var code: String?
    var level: String?
    var source: MetadataSource?
    var notes: [String] = []

    init(cues: Cues, paragraphs: [String], gazetteer: Gazetteer) {
        let found = Self.readings(cues, gazetteer: gazetteer)
        lazy var body = ScalarText(paragraphs.joined(separator: "\n"))
        guard let chosen = found.first ?? BodyRegion.reading(in: body, gazetteer: gazetteer).map({ Cue(source: .body, reading: $0) })
        else { return }
        var reading = chosen.reading
        // A less trusted cue that agrees may settle which of several units a short name means.
        for other in found.dropFirst() where reading.units.count > 1 && other.reading.agrees(with: reading) {
            let common = reading.units.filter { unit in other.reading.units.contains { $0.code == unit.code } }
            if !common.isEmpty { reading.units = common }
        }
        for other in found.dropFirst() where !other.reading.agrees(with: reading) {
            notes.append("region: the \(Self.words(other.source)) names \(other.reading.written), the \(Self.words(chosen.source)) "
                         + "\(reading.written); kept the \(Self.words(chosen.source))'s")
        }
        region = reading.written
        source = chosen.source
        if reading.isNational {
            full = "中华人民共和国"
            level = "national"
            return
        }
        // The whole text is scanned only for a name several units share.
        let unit = reading.units.count == 1 ? reading.units.first : gazetteer.disambiguate(reading.units, in: body)
        if let unit {
            full = gazetteer.fullName(of: unit)
            code = unit.code
            level = unit.level.rawValue
        } else if let first = reading.units.first, reading.units.allSatisfy({ $0.level == first.level }) {
            // Every unit of that name is of one level: the level is known even when the unit is not.
            level = first.level.rawValue
        }
    }

    /// What each cue says, in the order of trust; cues that name no unit are left out.
    static func readings(_ cues: Cues, gazetteer: Gazetteer) -> [Cue] {
        var found = [Cue]()
        if let title = cues.title {
            let text = ScalarText(title)
            if title.containsBytes(of: "国务院") {
                found.append(Cue(source: .title, reading: .national))
            } else if let reading = gazetteer.reading(of: gazetteer.mentions(in: text, range: 0..<text.count), in: text, end: text.count) {
                found.append(Cue(source: .title, reading: reading))
            }
        }
        if let letterhead = cues.letterhead {
            let text = ScalarText(letterhead)
            let end = text.count - ReportMetadata.government.unicodeScalars.count
            if let reading = gazetteer.reading(of: gazetteer.mentions(in: text, range: 0..<end), in: text, end: end) {
                found.append(Cue(source: .title, reading: reading))
            }
        }
        if let (text, officeStart) = cues.speakerLine {
            // The government named just before the office: …北京市延庆区人民政府区长, 国务院总理.
            let from = max(0, officeStart - 24)
            if text.find("国务院".scalarArray, in: from..<officeStart) != nil {
                found.append(Cue(source: .speakerLine, reading: .national))
            } else if let reading = gazetteer.reading(of: gazetteer.mentions(in: text, range: from..<officeStart), in: text, end: officeStart) {
                found.append(Cue(source: .speakerLine, reading: reading))
            }
        }
        if let line = cues.dateLine {
            if line.isNational {
                found.append(Cue(source: .dateLine, reading: .national))
            } else if let reading = gazetteer.reading(of: gazetteer.mentions(in: line.text, range: line.regionRange), in: line.text,
                                                      end: line.regionRange.upperBound) {
                found.append(Cue(source: .dateLine, reading: reading))
            }
        }
        if let opening = cues.opening, let reading = openingReading(opening, gazetteer: gazetteer) {
            found.append(Cue(source: .opening, reading: reading))
        }
        return found
    }

    /// 我代表国务院 → 全国; 我代表北京市东城区人民政府 → 东城区: the names between 我代表 and 政府.
    static func openingReading(_ sentence: String, gazetteer: Gazetteer) -> RegionReading? {
        let text = ScalarText(sentence)
        guard let start = text.find("我代表".scalarArray, in: 0..<text.count) else { return nil }
        let window = (start + 3)..<min(text.count, start + 3 + 24)
        if text.matches("国务院".scalarArray, at: window.lowerBound) { return .national }
        guard let end = text.find("政府".scalarArray, in: window) else { return nil }
        return gazetteer.reading(of: gazetteer.mentions(in: text, range: window.lowerBound..<end), in: text, end: end)
    }

    static func words(_ source: MetadataSource) -> String {
        switch source {
        case .title: "title"
        case .speakerLine: "speaker's line"
        case .dateLine: "date line"
        case .opening: "opening"
        case .heading: "heading"
        case .body: "body"
        case .derived: "other year"
        }
    }
}
