import XCTest
import ReportParsing
import ReportProtocol
import TestSupport

/// Region, speaker and date from the header forms of every level of government, written here
/// as reports of levels the real corpus lacks would open (a province, a prefecture city, a
/// county, a banner, an autonomous prefecture), over a body full of words that end in 区 or 县
/// without being places.
final class RegionCueTests: XCTestCase {
    /// Words a parser fitted to district reports took for regions: none is a unit.
    static let body = """
    一、2024年工作回顾
    过去一年，经济运行处于合理区间，自贸试验区、经济技术开发区、国家级新区和合作区建设加快，行政区划调整稳妥推进，\
    培育了一批千亿元区和亿元区，支持县域经济发展，提升县城承载能力，促进区域协调发展，城乡区域差距缩小。
    二、2025年工作安排
    2025年经济社会发展的主要预期目标是：地区生产总值增长5%左右。
    """

    private func parse(_ header: String, body: String = RegionCueTests.body) throws -> ParsedDocument {
        try ReportParser().parse(bytes: Array((header + "\n" + body).utf8), fileName: "header.txt")
    }

    func testAProvinceReport() throws {
        let d = try parse("""
        政府工作报告
        ——2025年1月13日在浙江省第十四届人民代表大会第三次会议上
        浙江省人民政府代省长 王 浩
        各位代表：
        现在，我代表省人民政府，向大会报告政府工作，请予审议。
        """)
        XCTAssertEqual(d.region, "浙江省")
        XCTAssertEqual(d.regionFull, "浙江省")
        XCTAssertEqual(d.regionCode, "330000")
        XCTAssertEqual(d.regionLevel, "province")
        XCTAssertEqual(d.speaker, "王浩")
        XCTAssertEqual(d.speakerOffice, "代省长")
        XCTAssertEqual(d.meetingDate, "2025-01-13")
        XCTAssertEqual(d.metadataSources?.region, .speakerLine)
        XCTAssertEqual(d.reviewYear, 2024)
        XCTAssertEqual(d.planYear, 2025)
    }

    func testAPrefectureCityReportWithTheDateInBrackets() throws {
        let d = try parse("""
        杭州市政府工作报告
        （2025年1月8日在杭州市第十四届人民代表大会第五次会议上）
        杭州市市长 姚高员
        """)
        XCTAssertEqual(d.region, "杭州市")
        XCTAssertEqual(d.regionFull, "浙江省杭州市")
        XCTAssertEqual(d.regionCode, "330100")
        XCTAssertEqual(d.regionLevel, "city")
        XCTAssertEqual(d.speaker, "姚高员")
        XCTAssertEqual(d.speakerOffice, "市长")
        XCTAssertEqual(d.meetingDate, "2025-01-08")
        XCTAssertEqual(d.session, "第十四届人民代表大会第五次会议")
    }

    func testTheDateAfterTheMeetingOnALineOfItsOwn() throws {
        let d = try parse("""
        政府工作报告
        ——在广东省第十二届人民代表大会第三次会议上
        2015年1月25日
        广东省省长 朱小丹
        """)
        XCTAssertEqual(d.meetingDate, "2015-01-25")
        XCTAssertEqual(d.region, "广东省")
        XCTAssertEqual(d.speaker, "朱小丹")
        XCTAssertEqual(d.speakerOffice, "省长")
    }

    func testADateLineOfTheDayAloneInBracketsButNotAPublicationDate() throws {
        let d = try parse("""
        浙江省政府工作报告
        浙江省省长 王浩
        （2024年1月23日）
        """)
        XCTAssertEqual(d.meetingDate, "2024-01-23")
        XCTAssertNil(d.session)
        XCTAssertEqual(d.speaker, "王浩")

        let published = try parse("""
        浙江省政府工作报告
        2024年1月25日 来源：浙江日报
        2024年1月25日
        """)
        XCTAssertNil(published.meetingDate)
    }

    func testADateInChineseNumerals() throws {
        let d = try parse("""
        政府工作报告
        ——二〇二五年一月二十一日在鄂托克旗第十八届人民代表大会第四次会议上
        """)
        XCTAssertEqual(d.meetingDate, "2025-01-21")
        XCTAssertEqual(d.region, "鄂托克旗")
        let december = try parse("政府工作报告\n（二〇二二年十二月十日在淳安县第十八届人民代表大会第二次会议上）")
        XCTAssertEqual(december.meetingDate, "2022-12-10")
    }

    func testAnAbbreviatedCongressAndAnActingHeadWrittenOut() throws {
        let d = try parse("""
        政府工作报告
        ——2024年1月16日在北京市东城区十七届人大四次会议上
        代理区长 陈献森
        """)
        XCTAssertEqual(d.meetingDate, "2024-01-16")
        XCTAssertEqual(d.regionFull, "北京市东城区")
        XCTAssertEqual(d.speaker, "陈献森")
        XCTAssertEqual(d.speakerOffice, "代理区长")
        XCTAssertNil(d.session, "the abbreviated congress is not read as a session")
    }

    func testACountyReportWithTheDateLineSplitOverTwoLines() throws {
        let d = try parse("""
        政府工作报告
        ——2025年1月6日
        在淳安县第十八届人民代表大会第五次会议上
        淳安县人民政府县长 某某某
        """)
        XCTAssertEqual(d.region, "淳安县")
        XCTAssertEqual(d.regionFull, "浙江省杭州市淳安县")
        XCTAssertEqual(d.regionLevel, "county")
        XCTAssertEqual(d.meetingDate, "2025-01-06")
        XCTAssertEqual(d.speakerOffice, "县长")
    }

    func testABannerReportOfInnerMongolia() throws {
        let d = try parse("""
        鄂托克旗2025年政府工作报告
        ——2025年1月9日在鄂托克旗第十八届人民代表大会第四次会议上
        鄂托克旗人民政府旗长 某某
        """)
        XCTAssertEqual(d.region, "鄂托克旗")
        XCTAssertEqual(d.regionFull, "内蒙古自治区鄂尔多斯市鄂托克旗")
        XCTAssertEqual(d.regionLevel, "county")
        XCTAssertEqual(d.speakerOffice, "旗长")
    }

    func testAnAutonomousPrefectureAndAnAutonomousRegion() throws {
        let prefecture = try parse("""
        政府工作报告
        ——2025年1月10日在延边朝鲜族自治州第十六届人民代表大会第四次会议上
        延边朝鲜族自治州人民政府州长 某某
        """)
        XCTAssertEqual(prefecture.region, "延边朝鲜族自治州")
        XCTAssertEqual(prefecture.regionFull, "吉林省延边朝鲜族自治州")
        XCTAssertEqual(prefecture.regionLevel, "city")
        XCTAssertEqual(prefecture.speakerOffice, "州长")

        let region = try parse("""
        政府工作报告
        ——2025年1月12日在内蒙古自治区第十四届人民代表大会第三次会议上
        内蒙古自治区人民政府主席 王莉霞
        """)
        XCTAssertEqual(region.region, "内蒙古自治区")
        XCTAssertEqual(region.speaker, "王莉霞")
        XCTAssertEqual(region.speakerOffice, "主席")
    }

    func testANameWithAMiddleDotAndAnActingHead() throws {
        let d = try parse("""
        政府工作报告
        ——2025年1月15日在新疆维吾尔自治区第十四届人民代表大会第四次会议上
        新疆维吾尔自治区人民政府代主席 艾尔肯·吐尼亚孜
        """)
        XCTAssertEqual(d.region, "新疆维吾尔自治区")
        XCTAssertEqual(d.regionCode, "650000")
        XCTAssertEqual(d.speaker, "艾尔肯·吐尼亚孜")
        XCTAssertEqual(d.speakerOffice, "代主席")
    }

    func testADeputyOrAnOfficeInASentenceIsNoSpeaker() throws {
        let d = try parse("""
        政府工作报告
        副区长张三分管全区经济工作。
        区长办公会研究部署重点任务。
        """)
        XCTAssertNil(d.speaker)
        XCTAssertNil(d.speakerOffice)
    }

    func testABeijingDistrictExcerptWithABareTitleTakesTheRegionFromTheDateLine() throws {
        let d = try parse("""
        政府工作报告
        ——2025年1月8日在北京市东城区第十七届人民代表大会第五次会议上
        北京市东城区人民政府代区长 陈献森
        """)
        XCTAssertEqual(d.region, "东城区")
        XCTAssertEqual(d.regionFull, "北京市东城区")
        XCTAssertEqual(d.regionCode, "110101")
        XCTAssertEqual(d.regionLevel, "district")
        XCTAssertEqual(d.speaker, "陈献森")
        XCTAssertEqual(d.speakerOffice, "代区长")
        XCTAssertEqual(d.meetingDate, "2025-01-08")

        // The date line alone, without a dash.
        let dateOnly = try parse("政府工作报告\n2025年1月8日在北京市东城区第十七届人民代表大会第五次会议上")
        XCTAssertEqual(dateOnly.regionFull, "北京市东城区")
        XCTAssertEqual(dateOnly.metadataSources?.region, .dateLine)
    }

    func testAShortNameOfTwoDistrictsIsResolvedByTheCityTheTextNames() throws {
        // 朝阳区 is a district of Beijing and of Changchun.
        let beijing = try parse("""
        政府工作报告
        各位代表：
        现在，我代表朝阳区人民政府，向大会报告工作。
        """, body: RegionCueTests.body + "\n北京市委市政府的坚强领导下，服务首都北京发展，北京冬奥会，北京国际商务中心区。")
        XCTAssertEqual(beijing.region, "朝阳区")
        XCTAssertEqual(beijing.regionCode, "110105")
        XCTAssertEqual(beijing.regionFull, "北京市朝阳区")
        XCTAssertEqual(beijing.metadataSources?.region, .opening)

        // Without any city named, the name stands, its level is known, and nothing is guessed.
        let unknown = try parse("政府工作报告\n现在，我代表朝阳区人民政府，向大会报告工作。")
        XCTAssertEqual(unknown.region, "朝阳区")
        XCTAssertNil(unknown.regionCode)
        XCTAssertNil(unknown.regionFull)
        XCTAssertEqual(unknown.regionLevel, "district")
    }

    func testTheStateCouncilsReportIsNational() throws {
        let d = try parse("""
        政府工作报告
        各位代表：
        现在，我代表国务院，向大会报告政府工作，请予审议。
        """)
        XCTAssertEqual(d.region, "全国")
        XCTAssertEqual(d.regionLevel, "national")
        XCTAssertNil(d.regionCode)
        XCTAssertEqual(d.metadataSources?.region, .opening)
    }

    func testWordsEndingInDistrictOrCountyAreNeverARegion() throws {
        let d = try parse("政府工作报告")
        XCTAssertNil(d.region, "行政区, 合作区, 亿元区, 支持县… are not units")
        XCTAssertNil(d.regionFull)
        XCTAssertNil(d.regionLevel)
        XCTAssertNil(d.metadataSources?.region)
    }

    func testDisagreeingCuesKeepTheMoreTrustedAndSaySo() throws {
        let d = try parse("""
        延庆区政府工作报告
        ——2025年1月8日在北京市东城区第十七届人民代表大会第五次会议上
        """)
        XCTAssertEqual(d.region, "延庆区")
        XCTAssertEqual(d.metadataSources?.region, .title)
        XCTAssertEqual(d.metadataNotes?.count, 1)
        XCTAssertTrue(d.metadataNotes?.first?.contains("东城区") == true, "\(d.metadataNotes ?? [])")
    }

    func testAPhotoCaptionAndANewsDatelineAreNotTheMeeting() throws {
        let d = try parse("""
        政府工作报告
        新华社北京2025年3月12日电
        2025年3月5日，第十四届全国人民代表大会第三次会议在北京人民大会堂开幕。国务院总理李强作政府工作报告。新华社记者 摄
        """)
        XCTAssertNil(d.meetingDate)
        XCTAssertNil(d.speaker)
    }

    func testASourceLineBesideTheDateLineDoesNotHideIt() throws {
        let d = try parse("""
        政府工作报告
        来源：新华社 ——2024年3月5日在第十四届全国人民代表大会第二次会议上
        国务院总理 李强
        """)
        XCTAssertEqual(d.meetingDate, "2024-03-05")
        XCTAssertEqual(d.region, "全国")
        XCTAssertEqual(d.speaker, "李强")
    }

    func testARenamedCountyKeepsTheNameTheReportUses() throws {
        // 章丘市 became 章丘区 of Jinan in 2016; a report of 2015 says 章丘市.
        let d = try parse("""
        章丘市政府工作报告
        ——2015年1月20日在章丘市第十七届人民代表大会第四次会议上
        """, body: "一、2014年工作回顾\n全市经济平稳。\n二、2015年工作安排\n全市生产总值增长8%。")
        XCTAssertEqual(d.region, "章丘市")
        XCTAssertEqual(d.regionCode, "370181")
        XCTAssertEqual(d.regionFull, "山东省济南市章丘市")
        XCTAssertEqual(d.regionLevel, "county")
    }
}
