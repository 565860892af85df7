/// The hand-written codec of `MetadataSources`: keys in `.sortedKeys` order, nil fields left out.
extension MetadataSources {
    func writeWire(to writer: inout JSONByteWriter) {
        writer.beginObject()
        if let meetingDate { writer.key("meeting_date"); writer.string(meetingDate.rawValue) }
        if let planYear { writer.key("plan_year"); writer.string(planYear.rawValue) }
        if let region { writer.key("region"); writer.string(region.rawValue) }
        if let reviewYear { writer.key("review_year"); writer.string(reviewYear.rawValue) }
        if let session { writer.key("session"); writer.string(session.rawValue) }
        if let speaker { writer.key("speaker"); writer.string(speaker.rawValue) }
        writer.endObject()
    }

    static func readWire(from reader: inout JSONByteReader) throws -> MetadataSources {
        var sources = MetadataSources()
        var fields = WireFieldSet()
        func source(_ reader: inout JSONByteReader) throws -> MetadataSource? {
            try reader.optional { try wireEnum(MetadataSource.self, $0.string()) }
        }
        try reader.object { reader, key in
            if key == "meeting_date" {
                try fields.mark(0); sources.meetingDate = try source(&reader)
            } else if key == "plan_year" {
                try fields.mark(1); sources.planYear = try source(&reader)
            } else if key == "region" {
                try fields.mark(2); sources.region = try source(&reader)
            } else if key == "review_year" {
                try fields.mark(3); sources.reviewYear = try source(&reader)
            } else if key == "session" {
                try fields.mark(4); sources.session = try source(&reader)
            } else if key == "speaker" {
                try fields.mark(5); sources.speaker = try source(&reader)
            } else {
                throw WireFastPathDeclined()
            }
        }
        return sources
    }
}
