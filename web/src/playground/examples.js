// The README's example queries, one tab each. web/examples_test.go checks
// that every one of them is still in README.md, word for word.
export const examples = [
  `# Who cites Security Council resolution 822 (1993)?
{ resolution(symbol: "s/res/822(1993)") {
    symbol citationCount
    citedBy { nodes { id type date author { name } } } } }`,
  `# The seed note verbale, field by field
{ document(id: "000_1a7a508cbf762381") {
    type date languages body { code } author { code }
    session { number startDate endDate } agendaItems { number title }
    citations { resolution { symbol } count contexts } } }`,
  `# Security Council resolutions of 1993 cited by Azerbaijan, most cited first
{ resolutions(filter: {body: "SC", yearFrom: 1993, yearTo: 1993, citedBy: "AZE"},
              orderBy: CITATION_COUNT) { nodes { symbol citationCount } } }`,
  `{ resolution(symbol: "S/RES/822 (1993)") { coCited(first: 3, evidence: 2) { resolution { symbol } count documents { id } } } }`,
  `{ citationPath(from: "Session:HRC-43", to: "Resolution:S/RES/853 (1993)") { length nodes { id } edges { type } } }`,
  `{ neighborhood(id: "Session:HRC-43", depth: 1, limit: 10) { truncated nodes { id label type properties } edges { id source target type properties } } }`,
];
