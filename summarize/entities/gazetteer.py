"""Hand-written gazetteers: countries with their demonyms, capitals and seats of power,
international organisations, and the words that mark people and organisations.

A country entry groups every surface form that names the state or its people
("China", "Chinese", "PRC"); its capital and seat-of-government names ("Beijing",
"Zhongnanhai") join it only when the text uses them as actors (see recognize.py).
"""

from __future__ import annotations

from dataclasses import dataclass


def words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # canonical actor name
    names: tuple[str, ...] = ()  # other names of the state itself
    demonyms: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()  # capital and seat-of-government metonyms


COUNTRIES: tuple[Place, ...] = (
    Place(
        "United States",
        ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
        ("American", "Americans"),
        ("Washington", "White House", "Pentagon", "Capitol Hill"),
    ),
    Place("China", ("People's Republic of China", "PRC", "P.R.C."), ("Chinese",), ("Beijing", "Zhongnanhai")),
    Place("Russia", ("Russian Federation",), ("Russian", "Russians"), ("Moscow", "Kremlin")),
    Place("Ukraine", (), ("Ukrainian", "Ukrainians"), ("Kyiv", "Kiev")),
    Place(
        "Belarus",
        ("Republic of Belarus", "Byelorussia"),
        ("Belarusian", "Belarusians", "Belarussian", "Belarussians", "Byelorussian"),
        ("Minsk",),
    ),
    Place(
        "United Kingdom",
        ("UK", "U.K.", "Britain", "Great Britain"),
        ("British", "Briton", "Britons"),
        ("London", "Downing Street", "Whitehall", "Westminster"),
    ),
    Place("France", (), ("French",), ("Paris", "Elysee", "Élysée")),
    Place("Germany", (), ("German", "Germans"), ("Berlin",)),
    Place("Italy", (), ("Italian", "Italians"), ("Rome",)),
    Place("Spain", (), ("Spanish", "Spaniards"), ("Madrid",)),
    Place("Poland", (), ("Polish", "Poles"), ("Warsaw",)),
    Place("Hungary", (), ("Hungarian", "Hungarians"), ("Budapest",)),
    Place("Lithuania", (), ("Lithuanian", "Lithuanians"), ("Vilnius",)),
    Place("Latvia", (), ("Latvian", "Latvians"), ("Riga",)),
    Place("Estonia", (), ("Estonian", "Estonians"), ("Tallinn",)),
    Place("Finland", (), ("Finnish", "Finns"), ("Helsinki",)),
    Place("Sweden", (), ("Swedish", "Swedes"), ("Stockholm",)),
    Place("Norway", (), ("Norwegian", "Norwegians"), ("Oslo",)),
    Place("Netherlands", ("Holland",), ("Dutch",), ("Amsterdam", "The Hague")),
    Place("Turkey", ("Türkiye",), ("Turkish", "Turks"), ("Ankara",)),
    Place("Iran", ("Islamic Republic of Iran",), ("Iranian", "Iranians"), ("Tehran",)),
    Place("Israel", (), ("Israeli", "Israelis"), ("Jerusalem",)),
    Place("Palestine", ("Palestinian territories",), ("Palestinian", "Palestinians"), ("Ramallah",)),
    Place("Gaza", ("Gaza Strip",), ("Gazan", "Gazans"), ()),
    Place("Egypt", (), ("Egyptian", "Egyptians"), ("Cairo",)),
    Place("Saudi Arabia", (), ("Saudi", "Saudis"), ("Riyadh",)),
    Place("Syria", (), ("Syrian", "Syrians"), ("Damascus",)),
    Place("Iraq", (), ("Iraqi", "Iraqis"), ("Baghdad",)),
    Place("Afghanistan", (), ("Afghan", "Afghans"), ("Kabul",)),
    Place("Pakistan", (), ("Pakistani", "Pakistanis"), ("Islamabad",)),
    Place("India", (), ("Indian", "Indians"), ("New Delhi", "Delhi")),
    Place("Japan", (), ("Japanese",), ("Tokyo",)),
    Place("South Korea", ("Republic of Korea", "ROK"), ("South Korean", "South Koreans"), ("Seoul",)),
    Place(
        "North Korea",
        ("DPRK", "Democratic People's Republic of Korea"),
        ("North Korean", "North Koreans"),
        ("Pyongyang",),
    ),
    Place("Taiwan", (), ("Taiwanese",), ("Taipei",)),
    Place("Vietnam", (), ("Vietnamese",), ("Hanoi",)),
    Place("Indonesia", (), ("Indonesian", "Indonesians"), ("Jakarta",)),
    Place("Philippines", (), ("Filipino", "Filipinos", "Philippine"), ("Manila",)),
    Place("Australia", (), ("Australian", "Australians"), ("Canberra",)),
    Place("Canada", (), ("Canadian", "Canadians"), ("Ottawa",)),
    Place("Mexico", (), ("Mexican", "Mexicans"), ("Mexico City",)),
    Place("Brazil", (), ("Brazilian", "Brazilians"), ("Brasilia", "Brasília")),
    Place("Argentina", (), ("Argentine", "Argentinian", "Argentines"), ("Buenos Aires",)),
    Place("Venezuela", (), ("Venezuelan", "Venezuelans"), ("Caracas",)),
    Place("Cuba", (), ("Cuban", "Cubans"), ("Havana",)),
    Place("South Africa", (), ("South African", "South Africans"), ("Pretoria",)),
    Place("Nigeria", (), ("Nigerian", "Nigerians"), ("Abuja",)),
    Place("Kenya", (), ("Kenyan", "Kenyans"), ("Nairobi",)),
    Place("Ethiopia", (), ("Ethiopian", "Ethiopians"), ("Addis Ababa",)),
    Place("Sudan", (), ("Sudanese",), ("Khartoum",)),
    Place("Georgia", (), ("Georgian", "Georgians"), ("Tbilisi",)),
    Place("Armenia", (), ("Armenian", "Armenians"), ("Yerevan",)),
    Place("Azerbaijan", (), ("Azerbaijani", "Azerbaijanis"), ("Baku",)),
    Place("Kazakhstan", (), ("Kazakh", "Kazakhs"), ("Astana",)),
    Place("Moldova", (), ("Moldovan", "Moldovans"), ("Chisinau",)),
    Place("Serbia", (), ("Serbian", "Serbs"), ("Belgrade",)),
    Place("Greece", (), ("Greek", "Greeks"), ("Athens",)),
    Place("Ireland", (), ("Irish",), ("Dublin",)),
    Place("Switzerland", (), ("Swiss",), ("Bern",)),
    Place("Austria", (), ("Austrian", "Austrians"), ("Vienna",)),
    Place("Belgium", (), ("Belgian", "Belgians"), ()),
    Place("Czech Republic", ("Czechia",), ("Czech", "Czechs"), ("Prague",)),
    Place("Romania", (), ("Romanian", "Romanians"), ("Bucharest",)),
    Place("Bulgaria", (), ("Bulgarian", "Bulgarians"), ("Sofia",)),
    Place("Denmark", (), ("Danish", "Danes"), ("Copenhagen",)),
    Place("Portugal", (), ("Portuguese",), ("Lisbon",)),
    Place("Qatar", (), ("Qatari", "Qataris"), ("Doha",)),
    Place("United Arab Emirates", ("UAE", "U.A.E."), ("Emirati", "Emiratis"), ("Abu Dhabi",)),
    Place("Lebanon", (), ("Lebanese",), ("Beirut",)),
    Place("Jordan", (), ("Jordanian", "Jordanians"), ("Amman",)),
    Place("Yemen", (), ("Yemeni", "Yemenis"), ("Sanaa",)),
    Place("Libya", (), ("Libyan", "Libyans"), ("Tripoli",)),
    Place("Chile", (), ("Chilean", "Chileans"), ("Santiago",)),
    Place("Colombia", (), ("Colombian", "Colombians"), ("Bogota", "Bogotá")),
    Place("Peru", (), ("Peruvian", "Peruvians"), ("Lima",)),
    Place("New Zealand", (), ("New Zealander", "New Zealanders"), ("Wellington",)),
    Place("Thailand", (), ("Thai",), ("Bangkok",)),
    Place("Malaysia", (), ("Malaysian", "Malaysians"), ("Kuala Lumpur",)),
    Place("Singapore", (), ("Singaporean", "Singaporeans"), ()),
    Place("Bangladesh", (), ("Bangladeshi", "Bangladeshis"), ("Dhaka",)),
    Place("Myanmar", ("Burma",), ("Burmese",), ("Naypyidaw",)),
    Place("Senegal", (), ("Senegalese",), ("Dakar",)),
    Place("Rwanda", (), ("Rwandan", "Rwandans"), ("Kigali",)),
    Place("Uganda", (), ("Ugandan", "Ugandans"), ("Kampala",)),
    Place("Tanzania", (), ("Tanzanian", "Tanzanians"), ("Dodoma",)),
    Place("Ghana", (), ("Ghanaian", "Ghanaians"), ("Accra",)),
    Place("Mali", (), ("Malian", "Malians"), ("Bamako",)),
    Place("Niger", (), ("Nigerien", "Nigeriens"), ("Niamey",)),
    Place("Somalia", (), ("Somali", "Somalis"), ("Mogadishu",)),
    Place("South Sudan", (), ("South Sudanese",), ("Juba",)),
    Place(
        "Democratic Republic of Congo",
        ("DRC", "Democratic Republic of the Congo", "DR Congo"),
        ("Congolese",),
        ("Kinshasa",),
    ),
    Place("Zimbabwe", (), ("Zimbabwean", "Zimbabweans"), ("Harare",)),
    Place("Zambia", (), ("Zambian", "Zambians"), ("Lusaka",)),
    Place("Mozambique", (), ("Mozambican", "Mozambicans"), ("Maputo",)),
    Place("Angola", (), ("Angolan", "Angolans"), ("Luanda",)),
    Place("Cameroon", (), ("Cameroonian", "Cameroonians"), ("Yaounde", "Yaoundé")),
    Place("Ivory Coast", ("Côte d'Ivoire",), ("Ivorian", "Ivorians"), ("Abidjan", "Yamoussoukro")),
    Place("Morocco", (), ("Moroccan", "Moroccans"), ("Rabat",)),
    Place("Algeria", (), ("Algerian", "Algerians"), ("Algiers",)),
    Place("Tunisia", (), ("Tunisian", "Tunisians"), ("Tunis",)),
    Place("Eritrea", (), ("Eritrean", "Eritreans"), ("Asmara",)),
    Place("Chad", (), ("Chadian", "Chadians"), ("N'Djamena",)),
    Place("Burkina Faso", (), ("Burkinabe",), ("Ouagadougou",)),
    Place("Madagascar", (), ("Malagasy",), ("Antananarivo",)),
    Place("Slovakia", (), ("Slovak", "Slovaks"), ("Bratislava",)),
    Place("Slovenia", (), ("Slovenian", "Slovenians"), ("Ljubljana",)),
    Place("Croatia", (), ("Croatian", "Croatians", "Croats"), ("Zagreb",)),
    Place("Bosnia and Herzegovina", ("Bosnia",), ("Bosnian", "Bosnians"), ("Sarajevo",)),
    Place("Montenegro", (), ("Montenegrin", "Montenegrins"), ("Podgorica",)),
    Place("North Macedonia", ("Macedonia",), ("Macedonian", "Macedonians"), ("Skopje",)),
    Place("Albania", (), ("Albanian", "Albanians"), ("Tirana",)),
    Place("Kosovo", (), ("Kosovar", "Kosovars"), ("Pristina",)),
    Place("Cyprus", (), ("Cypriot", "Cypriots"), ("Nicosia",)),
    Place("Malta", (), ("Maltese",), ("Valletta",)),
    Place("Iceland", (), ("Icelandic", "Icelanders"), ("Reykjavik",)),
    Place("Luxembourg", (), ("Luxembourgish",), ()),
    Place("Uzbekistan", (), ("Uzbek", "Uzbeks"), ("Tashkent",)),
    Place("Kyrgyzstan", (), ("Kyrgyz",), ("Bishkek",)),
    Place("Tajikistan", (), ("Tajik", "Tajiks"), ("Dushanbe",)),
    Place("Turkmenistan", (), ("Turkmen",), ("Ashgabat",)),
    Place("Mongolia", (), ("Mongolian", "Mongolians"), ("Ulaanbaatar",)),
    Place("Nepal", (), ("Nepali", "Nepalese"), ("Kathmandu",)),
    Place("Sri Lanka", (), ("Sri Lankan", "Sri Lankans"), ("Colombo",)),
    Place("Cambodia", (), ("Cambodian", "Cambodians"), ("Phnom Penh",)),
    Place("Laos", (), ("Laotian", "Laotians"), ("Vientiane",)),
    Place("Kuwait", (), ("Kuwaiti", "Kuwaitis"), ("Kuwait City",)),
    Place("Bahrain", (), ("Bahraini", "Bahrainis"), ("Manama",)),
    Place("Oman", (), ("Omani", "Omanis"), ("Muscat",)),
    Place("Ecuador", (), ("Ecuadorian", "Ecuadorians"), ("Quito",)),
    Place("Bolivia", (), ("Bolivian", "Bolivians"), ("La Paz", "Sucre")),
    Place("Paraguay", (), ("Paraguayan", "Paraguayans"), ("Asuncion", "Asunción")),
    Place("Uruguay", (), ("Uruguayan", "Uruguayans"), ("Montevideo",)),
    Place("Guatemala", (), ("Guatemalan", "Guatemalans"), ("Guatemala City",)),
    Place("Honduras", (), ("Honduran", "Hondurans"), ("Tegucigalpa",)),
    Place("El Salvador", (), ("Salvadoran", "Salvadorans"), ("San Salvador",)),
    Place("Nicaragua", (), ("Nicaraguan", "Nicaraguans"), ("Managua",)),
    Place("Costa Rica", (), ("Costa Rican", "Costa Ricans"), ()),
    Place("Panama", (), ("Panamanian", "Panamanians"), ("Panama City",)),
    Place("Haiti", (), ("Haitian", "Haitians"), ("Port-au-Prince",)),
    Place("Dominican Republic", (), ("Dominican", "Dominicans"), ("Santo Domingo",)),
    Place("Jamaica", (), ("Jamaican", "Jamaicans"), ("Kingston",)),
)

# Blocs and organisations: canonical name -> other names and acronyms. Their seats
# ("Brussels") join them as actors the way capitals join countries.
ORGANISATIONS: tuple[Place, ...] = (
    Place("European Union", ("EU", "E.U."), (), ("Brussels",)),
    Place("NATO", ("North Atlantic Treaty Organization", "Nato"), (), ()),
    Place("United Nations", ("UN", "U.N."), (), ()),
    Place("UN Security Council", ("Security Council", "U.N. Security Council"), (), ()),
    Place("World Health Organization", ("WHO",), (), ()),
    Place("International Monetary Fund", ("IMF",), (), ()),
    Place("World Bank", (), (), ()),
    Place("World Trade Organization", ("WTO",), (), ()),
    Place("European Commission", (), (), ()),
    Place("European Parliament", (), (), ()),
    Place("European Central Bank", ("ECB",), (), ()),
    Place("Federal Reserve", ("Fed",), (), ()),
    Place("Congress", ("U.S. Congress", "US Congress"), (), ()),
    Place("Senate", ("U.S. Senate", "US Senate"), (), ()),
    Place("Shanghai Cooperation Organisation", ("SCO", "Shanghai Cooperation Organization"), (), ()),
    Place("BRICS", (), (), ()),
    Place("Group of Seven", ("G7", "G-7"), (), ()),
    Place("Group of 20", ("G20", "G-20"), (), ()),
    Place("OPEC", (), (), ()),
    Place("African Union", ("AU",), (), ()),
    Place("Nasdaq", ("NASDAQ",), (), ()),
    Place("New York Stock Exchange", ("NYSE",), (), ()),
    Place("Red Cross", ("International Committee of the Red Cross", "ICRC"), (), ()),
    Place("Hamas", (), (), ()),
    Place("Hezbollah", (), (), ()),
    Place("Taliban", (), (), ()),
)

# Words before a name that mark a person ("President Alexander Lukashenko").
PERSON_TITLES: frozenset[str] = words_of(
    """
    President Vice Prime Minister Premier Chancellor Secretary Senator Sen. Rep. Representative Governor
    Gov. Mayor King Queen Prince Princess Pope Ambassador General Gen. Colonel Col. Lt. Captain Capt.
    Admiral Adm. Commander Sergeant Sgt. Judge Justice Speaker Chairman Chairwoman Chair Director
    Mr. Mrs. Ms. Miss Dr. Prof. Professor Sir Dame Lord Lady Rev. Sheikh Emir Crown Minister Foreign
    Defense Defence Deputy Leader Spokesman Spokeswoman Spokesperson Commissioner Chief Envoy Officer
    Mr Mrs Ms Dr Lt Gen Sen Rep Gov Col Capt Adm Sgt Rev Prof Councilmember Councilman Councilwoman
    Sheriff Executive Financial Operating Technology Battalion Finance Interior Health Trade Economy
    Energy Education Attorney Superintendent Inspector Detective Coach Manager Analyst Economist
    Founder CEO Secretary-General Lawmaker Vice-President Deputy-Chairman Acting Former Incoming Outgoing
    Opposition Party Head Sergeant Corporal Private Marshal Field Lieutenant Major
    """
)
HONORIFICS: frozenset[str] = frozenset(
    {"Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Prof.", "Prof"}
)

# Last words that make a capitalised sequence an organisation.
ORGANISATION_HEADS: frozenset[str] = words_of(
    """
    Ministry Department Agency Bank Union Council Party Company Corporation Corp. Corp Inc. Inc Ltd. Ltd
    LLC Group Association Organization Organisation Institute Institution University College School
    Committee Commission Court Parliament Assembly Congress Senate Army Navy Force Forces Guard Police
    Service Services Office Bureau Authority Administration Government Cabinet Federation Alliance
    Foundation Fund Society Network News Times Post Journal Agency Press Reuters Review Movement Front
    Coalition League Board Exchange Airlines Airways Railways Motors Technologies Holdings Partners
    Commons Media Television Radio Broadcasting Club Church Embassy Mission Tribunal Centre Center
    Laboratory Labs Initiative Project Programme Program Summit Forum Conference Hospital Clinic
    Securities Research Therapeutics Pharmaceuticals Pharma Patrol Power Energy Watch Athletic FC
    Cross Wire Capital Systems Health Medicine Industries Bancorp Trust Brigade Battalion Regiment
    Division Command Unit Team Council Ministry Parliament Democrats Republicans Party Cooperative
    Metro Transit Co Co. LLP PLC plc AG GmbH Companies Ministries Wire Magazine Gazette Tribune Herald
    Directorate Secretariat Assembly Chamber Academy Observatory Monitor Reserve Treasury Centres Centers
    """
)

# Last words that make a capitalised sequence a place, not an actor who acts.
PLACE_HEADS: frozenset[str] = words_of(
    """
    Square Street St Road Rd Avenue Ave Boulevard Lane Drive Highway Route Interstate Bridge Park Heights
    Valley County Creek River Springs Flats Lake Bay Island Islands Mountain Mountains Hill Hills Beach
    Coast Peninsula Province Region District Stadium Arena Hall Airport Station Port Harbor Harbour
    Canyon Forest Desert Sea Ocean Gulf Strait Plaza Mall Village Township
    """
)

# Cities and regions that are places, not actors (capitals are in COUNTRIES).
KNOWN_PLACES: frozenset[str] = frozenset(
    {
        "New York",
        "New York City",
        "Los Angeles",
        "San Francisco",
        "San Jose",
        "Chicago",
        "Boston",
        "Houston",
        "Seattle",
        "Miami",
        "Atlanta",
        "Dallas",
        "Philadelphia",
        "Detroit",
        "Hong Kong",
        "Shanghai",
        "Shenzhen",
        "Mumbai",
        "Istanbul",
        "Dubai",
        "St Petersburg",
        "St. Petersburg",
        "Crimea",
        "Donbas",
        "Donetsk",
        "Luhansk",
        "Kharkiv",
        "Odesa",
        "Odessa",
        "Mariupol",
        "Bakhmut",
        "Xinjiang",
        "Tibet",
        "Silicon Valley",
        "Wall Street",
        "California",
        "Texas",
        "Florida",
        "Europe",
        "Asia",
        "Africa",
        "Latin America",
        "Middle East",
        "Balkans",
        "Scandinavia",
    }
)

# Capitalised words that are not actors on their own.
NON_ACTOR_WORDS: frozenset[str] = words_of(
    """
    January February March April May June July August September October November December Jan. Feb.
    Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec. Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday Today Yesterday Tomorrow I I'm I've I'd I'll OK Okay Photo Photograph Image Credit
    Source Sources Read More Advertisement Updated Published Reporting Editing Additional Note AP AFP
    Covid COVID COVID-19 Internet Web God Christmas Easter Ramadan Eid Hanukkah Thanksgiving West
    East North South Western Eastern Northern Southern Left Right Chapter Section Article Figure
    Table Page Part Act Bill Plan Program Programme Strategy War Cold Mr Mrs Ms Dr Calif Mass Fla Ill
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec D.C. AI CEO CFO COO GDP TV PM AM EV IPO DNA PhD
    European Europeans English
    """
)

# Common words that start sentences capitalised; never the first word of a name.
FUNCTION_WORDS: frozenset[str] = words_of(
    """
    a an the this that these those there here it its it's they them their he him his she her we our us
    you your i me my mine who whom whose which what when where why how if then than so but and or nor
    yet for of in on at by to from with without within into onto upon about above below after before
    during since until while though although because as also still even just only not no yes both
    either neither each every all any some many much more most few several such other another same
    one two three four five six seven eight nine ten first second third last next new old over under
    again further once however meanwhile moreover furthermore instead indeed perhaps maybe already
    yet now today yesterday tomorrow later earlier soon recently finally ultimately overall despite
    according among amid between against toward towards across along around behind beyond like unlike
    near off out up down through throughout via per whether let many mr mrs ms dr is are was were be
    been being has have had do does did can could will would shall should may might must
    asked said says told added noted urged called warned saying
    """
)


def place_surface_forms() -> dict[str, tuple[str, str]]:
    """Surface form -> (canonical name, role) for every country and organisation.

    Roles: ``name`` (the state itself), ``demonym``, ``seat`` (capital or seat of power).
    """
    forms: dict[str, tuple[str, str]] = {}
    for place in (*COUNTRIES, *ORGANISATIONS):
        forms.setdefault(place.name, (place.name, "name"))
        for form in place.names:
            forms.setdefault(form, (place.name, "name"))
        for form in place.demonyms:
            forms.setdefault(form, (place.name, "demonym"))
        for form in place.seats:
            forms.setdefault(form, (place.name, "seat"))
    return forms


def kind_of_place(name: str) -> str:
    """``country`` or ``organisation`` for a canonical gazetteer name."""
    return "country" if any(p.name == name for p in COUNTRIES) else "organisation"


# Months, their abbreviations and the days of the week: they break a run of capitals ("On Sept. 16").
CALENDAR_WORDS: frozenset[str] = words_of(
    """
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
    """
)
# Months that are also names ("Theresa May", "Prime Minister May"): kept after a given name or title.
NAME_MONTHS: frozenset[str] = words_of("April May June August")

# US state abbreviations of datelines ("SAN JOSE, Calif."): never actors.
STATE_ABBREVIATIONS: frozenset[str] = words_of(
    "Ala Ariz Ark Calif Colo Conn Fla Ga Ill Ind Kan Kans Ky Md Mass Mich Minn Mont Neb Nev Okla Ore Pa "
    "Tenn Tex Va Vt Wash Wis Wyo"
)

# Second words of football and other club names ("Kestrel City"), organisations in sports stories only.
SPORTS_CLUB_HEADS: frozenset[str] = words_of(
    "City United Rovers Wanderers Albion Town Athletic Hotspur Villa FC"
)
SPORTS_WORDS: frozenset[str] = words_of(
    """
    club match goal goals league season manager coach striker goalkeeper winger midfielder defender
    stadium championship tournament squad fans supporters final cup kickoff penalty referee
    """
)

# Lowercase nouns that say the capitalised name next to them is an organisation:
# "the research firm FactBridge", "NetPulse, a group that ...", "the Open Square movement".
ORGANISATION_NOUNS: frozenset[str] = words_of(
    """
    group company firm agency maker bank lender insurer carrier airline developer startup start-up
    charity organisation organization union network regulator manufacturer retailer publisher newspaper
    broadcaster chain operator supplier rival movement party campaign coalition alliance club team
    ministry department council committee institute university college school hospital clinic
    foundation fund association federation consultancy broker exchange outlet website platform
    """
)
# Lowercase nouns that say the capitalised name next to them is a person:
# "winger Sami Korhonen", "its chairman, Harold Pike", "Rita Valdez, director of".
PERSON_NOUNS: frozenset[str] = words_of(
    """
    spokesman spokeswoman spokesperson director chairman chairwoman chair executive officer president
    minister secretary analyst professor researcher economist lawyer attorney judge captain manager
    coach goalkeeper winger striker defender midfielder substitute player teenager nurse teacher
    schoolteacher engineer farmer owner founder co-founder chief leader lawmaker senator governor mayor
    sheriff official commander general colonel deputy journalist reporter editor author writer
    scientist doctor physician cardiologist investigator student worker mother father son daughter wife
    husband widow named resident activist organizer organiser candidate representative member
    cofounder ceo boss head pensioner retiree veteran survivor witness victim scholar historian
    counterpart successor predecessor ally opponent envoy premier dictator strongman autocrat monarch
    """
)
# Lowercase nouns before "of X" that make X a place: "the town of Riverton", "the city of Dorvan".
PLACE_NOUNS: frozenset[str] = words_of(
    "city town towns village villages capital port hamlet region province state county district suburb "
    "neighborhood neighbourhood island republic"
)
# Lowercase words right before a lone name that place it: "in central Vessen", "travel to Eastfield".
LOCATIVE_WORDS: frozenset[str] = words_of(
    """
    in at to from near outside inside around into across through via toward towards visit visited
    visiting visits arrived reached central northern southern eastern western downtown suburban rural
    """
)
