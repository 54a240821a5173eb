package storetest

// The seed note verbale has no symbol: its id comes from its file name.
const seedID = "000_1a7a508cbf762381"

const docFields = `id symbol title type date languages file references
  body { code name } author { code name } mentions { code }
  session { body { code } number startDate endDate }
  agendaItems { number title }
  citations { count contexts verbs operative resolution { symbol body { code } number year known citationCount } }`

// Cases are the conformance table. Expected facts come from reading the
// sample documents, not from running the code.
var Cases = []Case{
	{
		Name:  "seed document",
		Query: `query($id: ID!) { document(id: $id) { ` + docFields + ` } }`,
		Vars:  map[string]any{"id": seedID},
		Want: []string{
			`"id":"000_1a7a508cbf762381"`, `"symbol":null`, `"type":"note verbale"`, `"date":"2020-08-24"`,
			`"languages":["fr","en"]`, `"body":{"code":"HRC","name":"Human Rights Council"}`,
			`"author":{"code":"AZE","name":"Azerbaijan"}`, `"mentions":[{"code":"ARM"},{"code":"AZE"}]`,
			`"session":{"body":{"code":"HRC"},"number":43,"startDate":"2020-02-24","endDate":"2020-03-20"}`,
			`"agendaItems":[{"number":"4","title":"Situations relatives aux droits de l'homme qui requièrent l'attention du Conseil"}]`,
			`"symbol":"S/RES/822 (1993)","body":{"code":"SC"},"number":"822","year":1993,"known":true,"citationCount":4`,
			`"symbol":"S/RES/853 (1993)"`, `"symbol":"S/RES/874 (1993)"`, `"symbol":"S/RES/884 (1993)"`,
		},
	},
	{
		// Reads shaped by the selection: counts, symbols and ids only, and
		// the next-page flag without totalCount.
		Name: "a document's resolutions with their first citing documents",
		Query: `{ document(id: "000_1a7a508cbf762381") { id citations { resolution { symbol citationCount
			citedBy(first: 2) { nodes { id } pageInfo { hasNextPage } } } } } }`,
		Want: []string{
			`{"resolution":{"symbol":"S/RES/822 (1993)","citationCount":4,"citedBy":{"nodes":[{"id":"000_1a7a508cbf762381"},{"id":"S/RES/853 (1993)"}],"pageInfo":{"hasNextPage":true}}}}`,
		},
	},
	{
		// What a document cites comes with it (uncite.CitedQuery): a later
		// page of the citing documents, counted, beside the evidence.
		Name: "a document's resolutions with a later page of their citing documents",
		Query: `{ document(id: "000_1a7a508cbf762381") { citations { count verbs resolution { symbol title
			citedBy(first: 2, after: "b2Zmc2V0OjA=") { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } } } }`,
		Want: []string{
			`"resolution":{"symbol":"S/RES/822 (1993)","title":`,
			`"citedBy":{"totalCount":4,"pageInfo":{"hasNextPage":true,"endCursor":"b2Zmc2V0OjI="},"nodes":[{"id":"S/RES/853 (1993)"},{"id":"S/RES/874 (1993)"}]}`,
		},
	},
	{
		// A listing carries the same for each of its documents; aliases
		// with other pages are answered as well.
		Name: "documents citing a resolution, with the first citing documents of what they cite",
		Query: `{ documents(first: 3, filter: {cites: "S/RES/822 (1993)"}) { nodes { id citations { resolution { symbol
			a: citedBy(first: 1) { totalCount nodes { id } } b: citedBy(first: 3) { nodes { id } } } } } } }`,
		Want: []string{
			`{"resolution":{"symbol":"S/RES/822 (1993)","a":{"totalCount":4,"nodes":[{"id":"000_1a7a508cbf762381"}]},"b":{"nodes":[{"id":"000_1a7a508cbf762381"},{"id":"S/RES/853 (1993)"},{"id":"S/RES/874 (1993)"}]}}}`,
		},
	},
	{
		// A brief and a full selection of the same resolutions: the
		// brief one does not leave the other without its details.
		Name: "a document's resolutions shown briefly and in full",
		Query: `{ document(id: "000_1a7a508cbf762381") { citations { a: resolution { symbol citationCount }
			b: resolution { symbol body { code } number year known citationCount } } } }`,
		Want: []string{
			`{"a":{"symbol":"S/RES/822 (1993)","citationCount":4},"b":{"symbol":"S/RES/822 (1993)","body":{"code":"SC"},"number":"822","year":1993,"known":true,"citationCount":4}}`,
		},
	},
	{
		Name:  "a State's documents with the symbols they cite",
		Query: `{ state(code: "AZE") { authored(first: 5) { nodes { id citations { resolution { symbol } } } } } }`,
		Want: []string{
			`{"id":"000_1a7a508cbf762381","citations":[{"resolution":{"symbol":"S/RES/822 (1993)"}},{"resolution":{"symbol":"S/RES/853 (1993)"}},{"resolution":{"symbol":"S/RES/874 (1993)"}},{"resolution":{"symbol":"S/RES/884 (1993)"}}]}`,
		},
	},
	{
		Name:  "unknown document is null",
		Query: `{ document(id: "no/such/doc") { id } }`,
		Want:  []string{`{"data":{"document":null}}`},
	},
	{
		Name:  "resolution lookup normalises the symbol and lists citing documents",
		Query: `{ resolution(symbol: "s/res/822(1993)") { symbol number year known citationCount citedBy(first: 10) { totalCount nodes { id } } } }`,
		Want: []string{
			`"symbol":"S/RES/822 (1993)","number":"822","year":1993,"known":true,"citationCount":4`,
			`"totalCount":4,"nodes":[{"id":"000_1a7a508cbf762381"},{"id":"S/RES/853 (1993)"},{"id":"S/RES/874 (1993)"},{"id":"S/RES/884 (1993)"}]`,
		},
	},
	{
		Name:  "a resolution that is loaded is also a document",
		Query: `{ resolution(symbol: "S/RES/884 (1993)") { symbol document { id type citations { resolution { symbol } } } } }`,
		Want: []string{
			`"document":{"id":"S/RES/884 (1993)","type":"resolution"`,
			`{"resolution":{"symbol":"S/RES/822 (1993)"}},{"resolution":{"symbol":"S/RES/853 (1993)"}},{"resolution":{"symbol":"S/RES/874 (1993)"}}`,
		},
	},
	{
		Name:  "malformed resolution symbol is a GraphQL error",
		Query: `{ resolution(symbol: "not a symbol") { symbol } }`,
		Want:  []string{`"message":"\"not a symbol\" is not a resolution symbol`, `"data":{"resolution":null}`},
	},
	{
		Name:  "documents filtered by citation, author and body",
		Query: `{ documents(filter: {cites: "S/RES/853 (1993)", author: "aze", body: "HRC"}) { totalCount nodes { id } } }`,
		Want:  []string{`{"data":{"documents":{"totalCount":1,"nodes":[{"id":"000_1a7a508cbf762381"}]}}}`},
	},
	{
		Name:  "documents paginate with cursors",
		Query: `{ documents(first: 3) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
		Want:  []string{`"totalCount":40`, `"hasNextPage":true`},
	},
	{
		Name:  "first above the maximum is an error",
		Query: `{ documents(first: 1000) { totalCount } }`,
		Want:  []string{`"message":"first must be between 0 and 200, got 1000"`},
	},
	{
		Name:  "bad cursor is an error",
		Query: `{ documents(after: "bogus") { totalCount } }`,
		Want:  []string{`"message":"invalid cursor \"bogus\""`},
	},
	{
		Name:  "most cited Security Council resolutions",
		Query: `{ resolutions(filter: {body: "SC"}, orderBy: CITATION_COUNT, first: 5) { totalCount nodes { symbol citationCount } } }`,
		Want:  []string{`"nodes":[{"symbol":"S/RES/661 (1990)","citationCount":4},{"symbol":"S/RES/822 (1993)","citationCount":4},{"symbol":"S/RES/853 (1993)","citationCount":3}`},
	},
	{
		// Both stores read every cited symbol with uncite.ParseResolutionSymbol,
		// so they hold the same resolutions, old numberings included.
		Name:  "resolutions counted per body",
		Query: `{ all: resolutions { totalCount } sc: resolutions(filter: {body: "SC"}) { totalCount } ga: resolutions(filter: {body: "GA"}) { totalCount } hrc: resolutions(filter: {body: "HRC"}) { totalCount } ecosoc: resolutions(filter: {body: "ECOSOC"}) { totalCount } chr: resolutions(filter: {body: "CHR"}) { totalCount } }`,
		Want:  []string{`{"all":{"totalCount":271},"sc":{"totalCount":49},"ga":{"totalCount":204},"hrc":{"totalCount":12},"ecosoc":{"totalCount":6},"chr":{"totalCount":0}}`},
	},
	{
		Name:  "Security Council resolutions of 1993 cited by Azerbaijan",
		Query: `{ resolutions(filter: {body: "SC", yearFrom: 1993, yearTo: 1993, citedBy: "AZE"}) { totalCount nodes { symbol } } }`,
		Want:  []string{`{"totalCount":4,"nodes":[{"symbol":"S/RES/822 (1993)"},{"symbol":"S/RES/853 (1993)"},{"symbol":"S/RES/874 (1993)"},{"symbol":"S/RES/884 (1993)"}]}`},
	},
	{
		Name:  "State with authored and mentioning documents",
		Query: `{ state(code: "aze") { code name authored { totalCount nodes { id } } mentionedIn(first: 50) { totalCount } } }`,
		Want:  []string{`"code":"AZE","name":"Azerbaijan","authored":{"totalCount":1,"nodes":[{"id":"000_1a7a508cbf762381"}]}`},
	},
	{
		Name:  "every State exists, cited or not",
		Query: `{ states(first: 2) { totalCount nodes { code name } } one: state(code: "ISL") { name authored { totalCount } } }`,
		Want:  []string{`"totalCount":195,"nodes":[{"code":"AFG","name":"Afghanistan"},{"code":"AGO","name":"Angola"}]`, `"one":{"name":"Iceland","authored":{"totalCount":0}}`},
	},
	{
		Name:  "session with its agenda items and documents",
		Query: `{ session(body: "hrc", number: 43) { body { code } number startDate endDate agendaItems { number title session { number } documents { nodes { id } } } documents { totalCount } } }`,
		Want: []string{
			`"number":43,"startDate":"2020-02-24","endDate":"2020-03-20"`,
			`{"number":"4","title":"Situations relatives aux droits de l'homme qui requièrent l'attention du Conseil","session":{"number":43},"documents":{"nodes":[{"id":"000_1a7a508cbf762381"}]}}`,
		},
	},
	{
		Name:  "unknown session is null",
		Query: `{ session(body: "SC", number: 1) { number } }`,
		Want:  []string{`{"data":{"session":null}}`},
	},
	{
		Name:  "unknown field is a validation error",
		Query: `{ document(id: "x") { nope } }`,
		Want:  []string{`Cannot query field \"nope\" on type \"Document\"`},
	},
}

// GraphCases exercise the relationship queries over the Nagorno-Karabakh
// cluster of the sample: the seed note verbale cites Security Council
// resolutions 822, 853, 874 and 884 (1993), which cite each other in turn
// (853 → 822; 874 → 822, 853; 884 → 822, 853, 874).
var GraphCases = []Case{
	{
		Name:  "co-cited resolutions with evidence",
		Query: `{ resolution(symbol: "S/RES/822 (1993)") { coCited(first: 3, evidence: 5) { resolution { symbol } count documents { id } } } }`,
		Want: []string{`"coCited":[` +
			`{"resolution":{"symbol":"S/RES/853 (1993)"},"count":3,"documents":[{"id":"000_1a7a508cbf762381"},{"id":"S/RES/874 (1993)"},{"id":"S/RES/884 (1993)"}]},` +
			`{"resolution":{"symbol":"S/RES/874 (1993)"},"count":2,"documents":[{"id":"000_1a7a508cbf762381"},{"id":"S/RES/884 (1993)"}]},` +
			`{"resolution":{"symbol":"S/RES/884 (1993)"},"count":1,"documents":[{"id":"000_1a7a508cbf762381"}]}]`},
	},
	{
		Name:  "bibliographic coupling",
		Query: `{ document(id: "000_1a7a508cbf762381") { coupled(first: 3, evidence: 3) { document { id } count shared { symbol } } } }`,
		Want: []string{`"coupled":[` +
			`{"document":{"id":"S/RES/884 (1993)"},"count":3,"shared":[{"symbol":"S/RES/822 (1993)"},{"symbol":"S/RES/853 (1993)"},{"symbol":"S/RES/874 (1993)"}]},` +
			`{"document":{"id":"S/RES/874 (1993)"},"count":2,"shared":[{"symbol":"S/RES/822 (1993)"},{"symbol":"S/RES/853 (1993)"}]},` +
			`{"document":{"id":"S/RES/853 (1993)"},"count":1,"shared":[{"symbol":"S/RES/822 (1993)"}]}]`},
	},
	{
		Name:  "citation facets",
		Query: `{ resolution(symbol: "S/RES/822 (1993)") { facets { byYear { year count } byState { state { code } count } bySession { session { body { code } number } agendaItem { number title } count } } } }`,
		Want: []string{
			`"byYear":[{"year":1993,"count":3},{"year":2020,"count":1}]`,
			`"byState":[{"state":{"code":"AZE"},"count":1}]`,
			`"bySession":[{"session":{"body":{"code":"HRC"},"number":43},"agendaItem":{"number":"4","title":"Situations relatives aux droits de l'homme qui requièrent l'attention du Conseil"},"count":1}]`,
		},
	},
	{
		Name:  "a State's most cited resolutions",
		Query: `{ state(code: "AZE") { mostCited(first: 10) { resolution { symbol } count } } }`,
		Want:  []string{`"mostCited":[{"resolution":{"symbol":"S/RES/822 (1993)"},"count":1},{"resolution":{"symbol":"S/RES/853 (1993)"},"count":1},{"resolution":{"symbol":"S/RES/874 (1993)"},"count":1},{"resolution":{"symbol":"S/RES/884 (1993)"},"count":1}]`},
	},
	{
		// Each field below is batched across its parents (see graph/loaders.go);
		// each parent must still get its own answer, the one asked alone.
		Name: "fields of lists of parents",
		Query: `{
			sc: resolutions(filter: {body: "SC", yearFrom: 1993, yearTo: 1993}, first: 10) { nodes { symbol
				citedBy(first: 4) { totalCount nodes { id } } coCited(first: 3, evidence: 2) { resolution { symbol } count documents { id } } } }
			hrc43: resolutions(filter: {citedInSession: {body: "HRC", number: 43}}) { nodes { symbol
				facets { byYear { year count } bySession { session { number } agendaItem { number } count } } } }
			states(first: 20) { nodes { code authored(first: 1) { totalCount nodes { id } } mentionedIn(first: 1) { totalCount }
				mostCited(first: 2) { resolution { symbol } count } } }
			documents(filter: {body: "HRC"}, first: 40) { nodes { id
				session { number documents(first: 1) { totalCount } agendaItems { number documents { totalCount nodes { id } } } }
				coupled(first: 2, evidence: 3) { document { id } count shared { symbol } } } } }`,
		Want: []string{
			`{"symbol":"S/RES/822 (1993)","citedBy":{"totalCount":4,"nodes":[{"id":"000_1a7a508cbf762381"},{"id":"S/RES/853 (1993)"},{"id":"S/RES/874 (1993)"},{"id":"S/RES/884 (1993)"}]},` +
				`"coCited":[{"resolution":{"symbol":"S/RES/853 (1993)"},"count":3,"documents":[{"id":"000_1a7a508cbf762381"},{"id":"S/RES/874 (1993)"}]},` +
				`{"resolution":{"symbol":"S/RES/874 (1993)"},"count":2,"documents":[{"id":"000_1a7a508cbf762381"},{"id":"S/RES/884 (1993)"}]},` +
				`{"resolution":{"symbol":"S/RES/884 (1993)"},"count":1,"documents":[{"id":"000_1a7a508cbf762381"}]}]}`,
			`{"symbol":"A/RES/60/251","facets":{"byYear":[{"year":2010,"count":1},{"year":2015,"count":1},{"year":2020,"count":1}],` +
				`"bySession":[{"session":{"number":14},"agendaItem":{"number":"6"},"count":1},{"session":{"number":28},"agendaItem":{"number":"6"},"count":1},` +
				`{"session":{"number":43},"agendaItem":{"number":"6"},"count":1}]}}`,
			`{"code":"AZE","authored":{"totalCount":1,"nodes":[{"id":"000_1a7a508cbf762381"}]},"mentionedIn":{"totalCount":`,
			`"mostCited":[{"resolution":{"symbol":"S/RES/822 (1993)"},"count":1},{"resolution":{"symbol":"S/RES/853 (1993)"},"count":1}]}`,
			`{"id":"000_1a7a508cbf762381","session":{"number":43,"documents":{"totalCount":2},"agendaItems":[` +
				`{"number":"4","documents":{"totalCount":1,"nodes":[{"id":"000_1a7a508cbf762381"}]}},{"number":"6","documents":{"totalCount":1,"nodes":[{"id":"A/HRC/DEC/43/112"}]}}]},` +
				`"coupled":[{"document":{"id":"S/RES/884 (1993)"},"count":3,"shared":[{"symbol":"S/RES/822 (1993)"},{"symbol":"S/RES/853 (1993)"},{"symbol":"S/RES/874 (1993)"}]},` +
				`{"document":{"id":"S/RES/874 (1993)"},"count":2,"shared":[{"symbol":"S/RES/822 (1993)"},{"symbol":"S/RES/853 (1993)"}]}]}`,
		},
	},
	{
		Name:  "most cited Security Council resolutions in 1993",
		Query: `{ topCited(body: "SC", year: 1993, first: 3) { resolution { symbol } count } }`,
		Want:  []string{`"topCited":[{"resolution":{"symbol":"S/RES/822 (1993)"},"count":3},{"resolution":{"symbol":"S/RES/853 (1993)"},"count":2},{"resolution":{"symbol":"S/RES/687 (1991)"},"count":1}]`},
	},
	{
		Name:  "resolutions cited in a session",
		Query: `{ resolutions(filter: {citedInSession: {body: "HRC", number: 43}}) { totalCount nodes { symbol } } }`,
		Want:  []string{`{"symbol":"S/RES/822 (1993)"},{"symbol":"S/RES/853 (1993)"},{"symbol":"S/RES/874 (1993)"},{"symbol":"S/RES/884 (1993)"}`},
	},
	{
		Name:  "citation path from a session to a resolution",
		Query: `{ citationPath(from: "Session:HRC-43", to: "Resolution:S/RES/853 (1993)") { length nodes { id } edges { source target type } } }`,
		Want: []string{`{"data":{"citationPath":[{"length":2,"nodes":[{"id":"Session:HRC-43"},{"id":"Document:000_1a7a508cbf762381"},{"id":"Resolution:S/RES/853 (1993)"}],` +
			`"edges":[{"source":"Document:000_1a7a508cbf762381","target":"Session:HRC-43","type":"IN_SESSION"},{"source":"Document:000_1a7a508cbf762381","target":"Resolution:S/RES/853 (1993)","type":"CITES"}]}]}}`},
	},
	{
		Name:  "parallel relationships make distinct paths",
		Query: `{ citationPath(from: "State:AZE", to: "Session:HRC-43") { length edges { type } } }`,
		Want:  []string{`{"data":{"citationPath":[{"length":2,"edges":[{"type":"MENTIONS"},{"type":"IN_SESSION"}]},{"length":2,"edges":[{"type":"SUBMITTED_BY"},{"type":"IN_SESSION"}]}]}}`},
	},
	{
		Name:  "a path past maxHops is an error",
		Query: `{ citationPath(from: "State:AZE", to: "State:ARM", maxHops: 9) { length } }`,
		Want:  []string{`"message":"maxHops must be between 0 and 6, got 9"`},
	},
	{
		Name:  "neighbourhood of a resolution",
		Query: `{ neighborhood(id: "Resolution:S/RES/822 (1993)") { truncated nodes { id label type } edges { source target type properties } } }`,
		Want: []string{
			`"truncated":false`,
			`"nodes":[{"id":"Resolution:S/RES/822 (1993)","label":"S/RES/822 (1993)","type":"Resolution"},{"id":"Document:000_1a7a508cbf762381","label":"000_1a7a508cbf762381","type":"Document"},{"id":"Resolution:S/RES/853 (1993)"`,
			`{"source":"Resolution:S/RES/884 (1993)","target":"Resolution:S/RES/874 (1993)","type":"CITES","properties":{"count":2}}`,
			`{"source":"Document:000_1a7a508cbf762381","target":"State:AZE","type":"SUBMITTED_BY","properties":{}}`,
		},
	},
	{
		Name:  "a truncated neighbourhood",
		Query: `{ neighborhood(id: "Resolution:S/RES/822 (1993)", limit: 3) { truncated nodes { id } edges { source target } } }`,
		Want: []string{`{"truncated":true,"nodes":[{"id":"Resolution:S/RES/822 (1993)"},{"id":"Document:000_1a7a508cbf762381"},{"id":"Resolution:S/RES/853 (1993)"}],"edges":[` +
			`{"source":"Document:000_1a7a508cbf762381","target":"Resolution:S/RES/822 (1993)"},{"source":"Document:000_1a7a508cbf762381","target":"Resolution:S/RES/853 (1993)"},{"source":"Resolution:S/RES/853 (1993)","target":"Resolution:S/RES/822 (1993)"}]}`},
	},
	{
		Name:  "unknown node is an error",
		Query: `{ neighborhood(id: "State:XXX") { truncated } }`,
		Want:  []string{`"errors"`},
	},
	{
		Name:  "full-text search",
		Query: `{ search(query: "Occupied territories, Azerbaijan") { totalCount nodes { id } } }`,
		Want:  []string{`{"totalCount":2,"nodes":[{"id":"000_1a7a508cbf762381"},{"id":"S/RES/874 (1993)"}]}`},
	},
	{
		Name:  "State lookup by name in any language",
		Query: `{ fr: findStates(name: "l'Arménie") { code } ru: findStates(name: "Армения") { code } zh: findStates(name: "亚美尼亚") { code } }`,
		Want:  []string{`{"fr":[{"code":"ARM"}],"ru":[{"code":"ARM"}],"zh":[{"code":"ARM"}]}`},
	},
}
