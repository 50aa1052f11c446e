// Hand-written story content for the generated evaluation pages (scripts/gen-pubdate-pages.mjs).
// Invented local and wire-style news, so the pages read like real ones without copying any publisher's text.

export const STORIES = [
  {
    title: 'Council approves new bus lanes on the ring road',
    paragraphs: [
      'The city council voted 31 to 12 on Tuesday evening to approve two new bus lanes on the inner ring road, ending a dispute that had delayed the plan for more than a year.',
      'Transport officials said the lanes would cut journey times on the busiest routes by up to eight minutes at peak hours, and that work would start in the autumn.',
      'Opponents, including several shop owners along Mill Street, said the loss of parking spaces would drive customers away from the high street.',
    ],
  },
  {
    title: 'Floods close rail line between two northern towns',
    paragraphs: [
      'Heavy rain overnight flooded a stretch of track between Carlow and Brennick, forcing the rail operator to cancel all services on the line until further notice.',
      'Engineers were sent to inspect a culvert near the river crossing, where water had washed away part of the embankment, a spokeswoman for the operator said.',
      'Replacement buses were running every half hour, but passengers were told to expect delays of at least 40 minutes on the road route.',
    ],
  },
  {
    title: 'Hospital opens its first dedicated stroke unit',
    paragraphs: [
      'The regional hospital opened a 24-bed stroke unit on Monday, the first of its kind in the county, after a fundraising campaign that lasted three years.',
      'Doctors said patients would now be treated by a single team from the moment they arrived, which studies have linked to faster recovery and fewer deaths.',
      'The unit will employ 46 nurses and therapists, about half of them newly recruited, according to the hospital trust.',
    ],
  },
  {
    title: 'Chipmaker to build a second plant near the port',
    paragraphs: [
      'A semiconductor manufacturer said on Thursday it would invest 1.2 billion dollars in a second factory on reclaimed land near the container port.',
      'The company expects the plant to employ about 900 people when it reaches full production, and said construction would begin once environmental permits were granted.',
      'Local officials welcomed the announcement but said the port road would need to be widened to handle the extra lorry traffic.',
    ],
  },
  {
    title: 'Wildfire near the national park forces evacuations',
    paragraphs: [
      'Fire crews battled a wildfire on the edge of the national park for a second day on Saturday as strong winds pushed the flames toward several villages.',
      'About 2,300 residents were told to leave their homes, and an emergency shelter was set up in the sports hall of the district school.',
      'The forestry service said the fire had burned roughly 4,000 hectares of pine forest and scrubland, and that no injuries had been reported so far.',
    ],
  },
  {
    title: 'Teachers vote to accept revised pay offer',
    paragraphs: [
      'Members of the largest teachers union voted to accept a revised pay offer, ending a dispute that had led to six days of strikes this school year.',
      'The deal gives most teachers a rise of 5.5 percent over two years, along with a commitment to reduce paperwork, the union said in a statement.',
      'The education minister said the agreement was fair to teachers and to taxpayers, and thanked parents for their patience during the strikes.',
    ],
  },
  {
    title: 'Museum returns carved panels to their village of origin',
    paragraphs: [
      'A national museum handed back four carved wooden panels to the village they were taken from more than a century ago, at a ceremony attended by hundreds of residents.',
      'The panels, which once decorated the doors of the village meeting house, had been bought by a collector and later donated to the museum.',
      'Village elders said the panels would be displayed in a new community centre built with help from a regional cultural fund.',
    ],
  },
  {
    title: 'Central bank holds interest rates steady',
    paragraphs: [
      'The central bank left its main interest rate unchanged at 4.25 percent on Wednesday, saying inflation was easing but remained above its target.',
      'Three members of the rate-setting committee voted for a cut of a quarter point, while six preferred to wait for more evidence that price growth was slowing.',
      'Economists said the split vote made a cut at the next meeting more likely, and the currency fell slightly after the decision was published.',
    ],
  },
  {
    title: 'Ferry service resumes after winter repairs',
    paragraphs: [
      'The island ferry returned to service on Friday after eleven weeks in dry dock, where its engines were overhauled and its passenger deck was rebuilt.',
      'Islanders had relied on a smaller chartered boat during the repairs, which could not carry lorries and was often cancelled in rough weather.',
      'The ferry company said it would add an extra evening crossing during the summer months to make up for the reduced timetable.',
    ],
  },
  {
    title: 'Police appeal for witnesses after warehouse fire',
    paragraphs: [
      'Police have appealed for witnesses after a fire destroyed a furniture warehouse on the industrial estate in the early hours of Sunday.',
      'Investigators said they were treating the fire as suspicious, and asked anyone who saw people or vehicles near the site after midnight to contact them.',
      'Nobody was hurt, but smoke from the blaze could be seen several miles away and nearby roads were closed for most of the morning.',
    ],
  },
  {
    title: 'Researchers track rare turtles along the coast',
    paragraphs: [
      'Marine biologists have fitted satellite tags to eleven loggerhead turtles in an effort to learn where the animals feed during the winter months.',
      'The project, run by the university and a local conservation group, will follow the turtles for up to two years, the lead researcher said.',
      'Fishermen along the coast have agreed to report sightings and to release any turtles caught in their nets, the group added.',
    ],
  },
  {
    title: 'Farmers warn of poor harvest after dry spring',
    paragraphs: [
      'Grain farmers in the eastern plains warned that this year’s harvest could be a third smaller than usual after the driest spring in four decades.',
      'The farmers association said many fields had been replanted twice, and that the cost of irrigation had pushed some smaller farms close to bankruptcy.',
      'The agriculture ministry said it was preparing an aid package and would decide on emergency grain imports by the end of the month.',
    ],
  },
];

export const AUTHORS = ['Ana Silva', 'Tom Whitfield', 'Priya Raman', 'Jonas Berg', 'Maria Costa', 'Daniel Okafor', 'Hannah Lee', 'Luis Ortega', 'Sofia Novak', 'Kenji Watanabe'];

export const SECTIONS = ['news', 'local', 'world', 'business', 'politics', 'environment', 'health', 'science'];

/** Sites: name, host, language tag, time zone (standard offset in minutes, and whether it follows EU/US summer time). */
export const SITES = [
  { name: 'Riverside Gazette', host: 'www.riversidegazette.com', lang: 'en-US', zone: -300, dst: 'us', abbr: ['EST', 'EDT'], short: 'ET' },
  { name: 'Valley Courier', host: 'valleycourier.com', lang: 'en-US', zone: -360, dst: 'us', abbr: ['CST', 'CDT'], short: 'CT' },
  { name: 'Pacific Daily', host: 'www.pacificdaily.net', lang: 'en-US', zone: -480, dst: 'us', abbr: ['PST', 'PDT'], short: 'PT' },
  { name: 'The Northern Post', host: 'www.northernpost.co.uk', lang: 'en-GB', zone: 0, dst: 'eu', abbr: ['GMT', 'BST'], short: 'UK' },
  { name: 'Bangkok Morning', host: 'www.bangkokmorning.com', lang: 'en', zone: 420, dst: null, abbr: ['ICT', 'ICT'], short: 'ICT' },
  { name: 'Tokyo Harbour Times', host: 'harbourtimes.jp', lang: 'en', zone: 540, dst: null, abbr: ['JST', 'JST'], short: 'JST' },
  { name: 'Delhi Evening', host: 'www.delhievening.in', lang: 'en-IN', zone: 330, dst: null, abbr: ['IST', 'IST'], short: 'IST' },
  { name: 'Sydney Ledger', host: 'www.sydneyledger.com.au', lang: 'en-AU', zone: 600, dst: null, abbr: ['AEST', 'AEST'], short: 'AEST' },
  { name: 'Rhine Review', host: 'www.rhinereview.de', lang: 'en', zone: 60, dst: 'eu', abbr: ['CET', 'CEST'], short: 'CET' },
  { name: 'Lagos Ledger', host: 'lagosledger.ng', lang: 'en-NG', zone: 60, dst: null, abbr: ['WAT', 'WAT'], short: 'WAT' },
];

export const RELATED_TITLES = [
  'Bridge repairs to finish ahead of schedule',
  'School league tables published',
  'Storm damage bill tops 3 million',
  'New mayor sworn in',
  'Airport passenger numbers recover',
  'Library extends weekend hours',
  'Cycling race returns to the old town',
  'Market traders protest over rents',
];

export const COMMENTERS = ['riverfan22', 'M. Keane', 'oldtown_resident', 'Janet P.', 'skeptic99'];

/** Stories in scripts written without spaces, for the article-body benchmark (scripts/gen-body-pages.mjs). */
export const UNSPACED_STORIES = [
  {
    lang: 'zh-CN',
    title: '城市开通第十二条地铁线路',
    paragraphs: [
      '本市第十二条地铁线路于周一上午正式开通运营，全长三十二公里，共设二十个车站，连接城市东部的新区和老城中心。',
      '市交通局负责人表示，新线路开通后，东部新区到市中心的通勤时间将缩短约二十分钟，每天预计客流量超过四十万人次。',
      '不少市民一早就来到车站体验新线路。一位退休教师说，以前去医院要换两次公交车，现在坐地铁半个小时就能到。',
    ],
  },
  {
    lang: 'zh-CN',
    title: '暴雨导致多条公路临时封闭',
    paragraphs: [
      '受强降雨影响，省内多条公路自周六晚间起临时封闭，交通部门已组织人员对受损路段进行抢修。',
      '气象台表示，本轮降雨将持续到周二，部分山区累计降雨量可能超过两百毫米，提醒居民注意防范山洪和泥石流。',
      '目前已有约三千名居民被转移到安全地点，暂无人员伤亡的报告。',
    ],
  },
  {
    lang: 'zh-TW',
    title: '港口貨櫃吞吐量創新高',
    paragraphs: [
      '港務公司週四公布，上半年貨櫃吞吐量比去年同期增加百分之十二，創下歷史新高。',
      '公司發言人表示，新碼頭啟用以及航線增加是主要原因，預計全年吞吐量將首次突破一千萬個標準箱。',
      '不過，業者也提醒，港區周邊道路壅塞問題日益嚴重，希望政府儘快完成聯外道路拓寬工程。',
    ],
  },
  {
    lang: 'ja',
    title: '市が新しい図書館の建設計画を発表',
    paragraphs: [
      '市は月曜日、駅前の再開発地区に新しい中央図書館を建設する計画を発表した。完成は三年後を予定している。',
      '新図書館は地上五階建てで、約六十万冊の蔵書を収容できるほか、子ども向けの読書スペースや学習室も設けられる。',
      '市長は記者会見で「誰もが気軽に立ち寄れる、まちの居場所にしたい」と述べた。',
    ],
  },
  {
    lang: 'ja',
    title: '台風の接近で新幹線が一部運休',
    paragraphs: [
      '大型の台風が接近している影響で、鉄道会社は火曜日の午後から新幹線の一部の列車を運休すると発表した。',
      '気象庁によると、台風は水曜日の朝にかけて本州に最も近づく見込みで、沿岸部では高潮への警戒が呼びかけられている。',
      '空港でも国内線を中心に百便以上の欠航が決まっており、利用者に最新の運航情報を確認するよう求めている。',
    ],
  },
];
