import ChineseText
import Foundation
import ZIPFoundation

/// The sample reports as users also send them, made from the sample text in the test itself:
/// other encodings, an HTML page, a Word file, a traditional-script reprint, an excerpt.
public enum SampleVariants {
    public static func gb18030(_ text: String) -> [UInt8] {
        Array(text.data(using: Corpus.gb18030) ?? Data())
    }

    public static func utf16LittleEndian(_ text: String) -> [UInt8] {
        [0xFF, 0xFE] + Array(text.data(using: .utf16LittleEndian) ?? Data())
    }

    /// A saved web page: charset declared, site chrome and a script around the text, one `<p>` a line.
    public static func htmlPage(_ text: String, charset: String = "utf-8") -> [UInt8] {
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            "<p>" + line.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") + "</p>"
        }.joined(separator: "\n")
        let page = """
        <!DOCTYPE html><html><head><meta charset="\(charset)"><title>政府工作报告</title>
        <script>var stats = "地区生产总值增长99%";</script><style>p { margin: 0 }</style></head>
        <body><nav><a href="/">首页</a> <a href="/m">手机版</a></nav>
        <div class="article">\(body)</div>
        <footer>版权所有：某某区人民政府 京ICP备00000000号</footer></body></html>
        """
        return charset == "utf-8" ? Array(page.utf8) : gb18030(page)
    }

    /// A DOCX holding only what Word needs to open it: the content types and
    /// `word/document.xml`, one `<w:p>` a line. Lines for which `isHeading` is true get the
    /// Heading1 style, as a user formatting the report in Word would.
    public static func docx(_ text: String, isHeading: (String) -> Bool = { _ in false }) throws -> [UInt8] {
        let paragraphs = text.split(separator: "\n").map(String.init).map { line -> String in
            let style = isHeading(line) ? "<w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>" : ""
            return "<w:p>\(style)<w:r><w:t xml:space=\"preserve\">\(escapedXML(line))</w:t></w:r></w:p>"
        }.joined()
        let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(paragraphs)</w:body></w:document>
        """
        let contentTypes = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """
        return try zip([("[Content_Types].xml", Data(contentTypes.utf8)), ("word/document.xml", Data(document.utf8))])
    }

    /// A ZIP archive of the given entries, deflated, built in memory.
    public static func zip(_ entries: [(path: String, data: Data)]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return Array(archive.data ?? Data())
    }

    /// The text as a traditional-script reprint, through OpenCC's simplified → traditional tables.
    public static func traditional(_ text: String) throws -> String {
        try ScriptConverter(configuration: "s2t.json").convert(text)
    }

    private static func escapedXML(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
