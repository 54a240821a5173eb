package synth

// words is the vocabulary of synthetic titles and texts, most frequent
// first: texts draw words with a Zipf law over this order, so the rank of a
// word sets how many documents contain it.
var words = []string{
	"the", "of", "and", "to", "in", "rights", "human", "united", "nations", "council",
	"resolution", "states", "international", "development", "security", "general", "assembly", "on", "for", "its",
	"all", "by", "with", "implementation", "report", "member", "secretary", "session", "cooperation", "peace",
	"protection", "including", "support", "measures", "further", "humanitarian", "national", "situation", "sustainable", "promotion",
	"relevant", "right", "efforts", "also", "government", "law", "women", "children", "programme", "assistance",
	"agenda", "special", "commission", "committee", "organization", "regional", "political", "economic", "social", "access",
	"urges", "calls", "requests", "condemns", "welcomes", "encourages", "decides", "notes", "stresses", "emphasizes",
	"violence", "conflict", "population", "freedom", "justice", "equality", "education", "health", "food", "water",
	"climate", "environment", "migrants", "refugees", "displaced", "persons", "civilians", "mission", "mandate", "operation",
	"ceasefire", "sanctions", "weapons", "nuclear", "disarmament", "terrorism", "territorial", "integrity", "sovereignty", "occupation",
	"elections", "democracy", "governance", "institutions", "capacity", "building", "technical", "financing", "resources", "budget",
	"trade", "poverty", "hunger", "labour", "gender", "youth", "older", "disabilities", "indigenous", "minorities",
	"discrimination", "racism", "xenophobia", "intolerance", "religion", "belief", "expression", "peaceful", "association", "privacy",
	"torture", "detention", "trafficking", "slavery", "impunity", "accountability", "investigation", "tribunal", "court", "prosecution",
	"transitional", "reconciliation", "reconstruction", "stabilization", "monitoring", "verification", "observers", "peacekeeping", "personnel", "safety",
	"landmines", "explosive", "ammunition", "arms", "embargo", "border", "maritime", "piracy", "navigation", "ocean",
	"biodiversity", "desertification", "drought", "forests", "energy", "urbanization", "housing", "sanitation", "pandemic", "vaccines",
	"technology", "digital", "cyberspace", "information", "communications", "science", "innovation", "culture", "heritage", "sport",
	"debt", "investment", "remittances", "taxation", "illicit", "flows", "corruption", "crime", "drugs", "narcotic",
	"globalization", "interdependence", "solidarity", "multilateralism", "dialogue", "mediation", "prevention", "diplomacy", "envoy", "rapporteur",
	"universal", "periodic", "review", "treaty", "convention", "protocol", "covenant", "declaration", "charter", "article",
	"ratification", "accession", "reservations", "obligations", "compliance", "reporting", "procedures", "methods", "work", "revitalization",
	"reform", "composition", "membership", "credentials", "observer", "status", "contribution", "scale", "assessments", "arrears",
	"antarctica", "outer", "space", "atmosphere", "ozone", "chemicals", "waste", "pollution", "plastics", "fisheries",
	"agriculture", "rural", "cooperatives", "microfinance", "entrepreneurship", "tourism", "transport", "infrastructure", "connectivity", "landlocked",
	"islands", "small", "developing", "least", "developed", "countries", "middle", "income", "transition", "economies",
	"apartheid", "colonialism", "decolonization", "self", "determination", "independence", "trust", "territories", "plebiscite", "referendum",
	"mercenaries", "militias", "armed", "groups", "combatants", "demobilization", "reintegration", "amnesty", "ombudsperson", "listing",
	"chernobyl", "tsunami", "earthquake", "hurricane", "cyclone", "locust", "famine", "epidemic", "cholera", "ebola",
	"centenary", "anniversary", "commemoration", "remembrance", "holocaust", "genocide", "srebrenica", "rwanda", "cambodia", "timor",
}

// Search queries for the benchmarks: a common word (in most documents), a
// medium one, a rare one, and two words that must occur together.
var SearchQueries = []string{"rights", "ceasefire", "srebrenica", "humanitarian ceasefire"}

// hrcItems are the titles of the ten standing agenda items of the Human
// Rights Council, numbered from 1.
var hrcItems = []string{
	"Organizational and procedural matters",
	"Annual report of the United Nations High Commissioner for Human Rights and reports of the Office of the High Commissioner and the Secretary-General",
	"Promotion and protection of all human rights, civil, political, economic, social and cultural rights, including the right to development",
	"Human rights situations that require the Council's attention",
	"Human rights bodies and mechanisms",
	"Universal periodic review",
	"Human rights situation in Palestine and other occupied Arab territories",
	"Follow-up to and implementation of the Vienna Declaration and Programme of Action",
	"Racism, racial discrimination, xenophobia and related forms of intolerance, follow-up to and implementation of the Durban Declaration and Programme of Action",
	"Technical assistance and capacity-building",
}

// hrcItemWeights weighs the Council's items: reports under item 6 (the
// review) led the measured sample, thematic item 3 is the largest in
// practice; the rest is an assumption.
var hrcItemWeights = []float64{3, 2, 4, 2, 1, 8, 1, 1, 1, 1}
