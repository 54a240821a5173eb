package extract

import (
	"reflect"
	"sort"
	"testing"
)

// The rules of ../shared/corpus/README.md "Rules that are easy to get
// wrong", each tried on real sentences that no gold file holds: documents
// of the development corpus without a gold file, and the excerpts. The
// sentences are kept as they were written, line breaks included.

func sortedCitations(name, text string) []string {
	got := citedSymbols(name, text)
	sort.Strings(got)
	return got
}

// A list goes on across hard line breaks, wherever the first line ends.
func TestRuleListAcrossLongUnwrappedLine(t *testing.T) {
	// A_RES_80_29.en.md: one unwrapped line of 230 characters, then the
	// rest of the list.
	text := "The General Assembly,\n\n" +
		"Recalling its resolutions 48/75 J of 16 December 1993, 49/75 O of 15 December 1994, 50/70 L of 12 December 1995, 51/45 Q of 10 December 1996, 52/38 Q of 9 December 1997, 53/77 P of 4 December 1998, 54/54 M of 1 December 1999,\n" +
		"55/33 P of 20 November 2000, 56/24 I of 29 November 2001, 57/77 of 22 November 2002 and 79/26 of 2 December 2024,\n\n" +
		"Recognizing the crucial role of conventional arms control in promoting regional and international peace and security,\n"
	want := []string{"A/RES/48/75", "A/RES/49/75", "A/RES/50/70", "A/RES/51/45", "A/RES/52/38", "A/RES/53/77",
		"A/RES/54/54", "A/RES/55/33", "A/RES/56/24", "A/RES/57/77", "A/RES/79/26"}
	if got := sortedCitations("A_RES_80_29.en.md", text); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// Preambular paragraphs end with a comma; a new one opens with its clause
// verb, so a line ending in a comma before a clause verb ends a paragraph
// however short it is, and the body named in one paragraph does not leak
// into the next.
func TestRuleParagraphEndsBeforeClause(t *testing.T) {
	// A_HRC_14_37.en.txt: a Council resolution reproduced in the report,
	// wrapped at the page width.
	text := `                     The Human Rights Council,
                     Recalling General Assembly resolution 36/55 of 25 November 1981, in which the
              Assembly proclaimed the Declaration on the Elimination of All Forms of Intolerance and of
              Discrimination Based on Religion or Belief,
                     Recalling further its resolution 6/37 of 14 December 2007 and other resolutions on
              the elimination of all forms of intolerance and of discrimination based on religion or belief
              adopted by the General Assembly and the Commission on Human Rights,
                    Recalling its resolutions 5/1 on the institution-building of the Council and 5/2 on the
              code of conduct for special procedures mandate holders of the Human Rights Council, of
`
	want := []string{"A/HRC/RES/5/1", "A/HRC/RES/5/2", "A/HRC/RES/6/37", "A/RES/36/55"}
	if got := sortedCitations("A_HRC_14_37.en.txt", text); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}

	// S_RES_484(1980).en.txt: the context of a citation is its own
	// paragraph, not the opening words before it.
	d := Extract("S_RES_484(1980).en.txt", "The Security Council,\nRecalling its resolutions 468 (1980) and 469 (1980),\n\nTaking note of General Assembly resolution 35/122\nF of 11 December 1980,\n", nil)
	for _, c := range d.Citations {
		if c.Symbol == "S/RES/468 (1980)" {
			if want := []string{"Recalling its resolutions 468 (1980) and 469 (1980),"}; !reflect.DeepEqual(c.Contexts, want) {
				t.Errorf("contexts of %s = %q, want %q", c.Symbol, c.Contexts, want)
			}
		}
	}

	// S_RES_2203(2015).ru.txt, one sentence a line: Russian opens its
	// preambular paragraphs in lower case, the verb after an adverb.
	ru := "высоко оценивая усилия Экономического сообщества западноафриканских государств (ЭКОВАС),\n" +
		"особо отмечая важную роль женщин в предотвращении и урегулировании конфликтов и в миростроительстве, признаваемую в резолюциях 1325 (2000), 1820 (2008) и 2122 (2013), приветствуя сотрудничество ЮНИОГБИС,\n" +
		"вновь подтверждая свою всецелую приверженность делу упрочения мира и стабильности в Гвинее-Бисау,\n"
	d = Extract("S_RES_2203(2015).ru.txt", ru, nil)
	if len(d.Citations) != 3 {
		t.Fatalf("citations = %v", d.Citations)
	}
	for _, c := range d.Citations {
		if len(c.Contexts) != 1 || c.Contexts[0][:len("особо")] != "особо" {
			t.Errorf("contexts of %s = %q, want the paragraph that opens with «особо отмечая»", c.Symbol, c.Contexts)
		}
	}
}

// "its resolution(s)" belongs to the organ that is the subject of the
// sentence: the document's own, named by its opening words, whatever organ
// the title of its agenda item names.
func TestRuleItsResolutionFollowsOpeningWords(t *testing.T) {
	// A_RES_78_207.en.txt (no gold file), its cover under the title the
	// General Assembly gives its agenda item on the Council's annual report.
	text := `United Nations
A/RES/78/207

General Assembly
Distr.: General
22 December 2023

Seventy-eighth session
Agenda item 65
Report of the Human Rights Council

 Resolution adopted by the General Assembly
on 19 December 2023

[on the report of the Third Committee (A/78/481/Add.2, para. 139)]

 78/207. International Convention for the Protection of All Persons from
Enforced Disappearance

The General Assembly,

Reaffirming its resolution 61/177 of 20 December 2006, by which it adopted
and opened for signature, ratification and accession the International Convention for
the Protection of All Persons from Enforced Disappearance, 1

Recalling its resolution 47/133 of 18 December 1992, by which it adopted the
Declaration on the Protection of All Persons from Enforced Disappearance as a body
of principles for all States,
`
	d := Extract("A_RES_78_207.en.txt", text, nil)
	if d.Body != "GA" {
		t.Errorf("body = %q, want GA", d.Body)
	}
	want := []string{"A/RES/47/133", "A/RES/61/177"}
	if got := sortedCitations("A_RES_78_207.en.txt", text); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// A subject after the number counts too.
func TestRuleSubjectAfterNumber(t *testing.T) {
	// The first line of paragraph 39 of A_HRC_14_37.en.txt, as the
	// Council's annual report is also issued in the General Assembly's
	// series (a GA document, whose "its" would otherwise be the Assembly's).
	// The lines after it name the Council in full; they are left out so
	// that the subject alone decides.
	text := "              39.    At the 36th meeting, on 18 June 2010, pursuant to its resolution 5/1, the Council\n"
	if got, want := sortedCitations("A_65_53.en.txt", text), []string{"A/HRC/RES/5/1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// "Commission resolution" after a mention of the Commission on Human
// Rights is the Commission's (E/CN.4/RES), not the Economic and Social
// Council's.
func TestRuleCommissionAfterCommissionOnHumanRights(t *testing.T) {
	// A_HRC_14_37.en.txt, a Council resolution reproduced in the report.
	text := `                      Reaffirming all resolutions and decisions adopted by the Commission on Human
              Rights on the effects of structural adjustment and economic reform policies and foreign
              debt on the full enjoyment of all human rights, particularly economic, social and cultural
              rights, including Commission resolutions 1998/24 of 17 April 1998, 1999/22 of 23 April
              1999, 2000/82 of 26 April 2000, 2004/18 of 16 April 2004 and 2005/19 of 14 April 2005,
              as well as Council resolutions 7/4 of 27 March 2008 and 11/5 of 17 June 2009,
`
	want := []string{"A/HRC/RES/11/5", "A/HRC/RES/7/4", "E/CN.4/RES/1998/24", "E/CN.4/RES/1999/22",
		"E/CN.4/RES/2000/82", "E/CN.4/RES/2004/18", "E/CN.4/RES/2005/19"}
	if got := sortedCitations("A_HRC_14_37.en.txt", text); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// Resolutions of organs outside the modelled ones (conferences of States
// parties, programmes, regional and functional commissions) are not
// citations; the modelled organs' resolutions beside them still are.
func TestRuleOtherOrgansResolutionsAreNotCitations(t *testing.T) {
	tests := []struct {
		file, text string
		want       []string
	}{
		{"A_C.2_80_L.41.en.txt", // the United Nations Environment Assembly
			"Welcomes the holding of the third, fourth and fifth sessions of the\nintergovernmental negotiating committee, established by the United Nations\nEnvironment Assembly in its resolution 5/14 of 2 March 202225 at its resumed fifth\nsession to develop an international legally binding instrument on plastic pollution,",
			nil},
		{"A_RES_78_262.en.txt", // a regional commission, after a conference of parties
			"37. Encourages African countries to join the Sustainable Debt Coalition,\nestablished at the twenty-seventh session of the Conference of Parties to the United\nNations Framework Convention on Climate Change, as called for in Economic\nCommission for Africa resolution 2023/7 of 21 March 2023, to advocate for a more",
			nil},
		{"A_RES_78_217.en.txt", // a functional commission, and "its" in the same sentence
			"Recalling also Commission on Population and Development resolutions 2006/2\nof 10 May 200624 and 2009/1 of 3 April 200925 and its resolution 2013/1 of 26 April\n2013 on new trends in migration: demographic aspects, 26",
			nil},
		{"A_C.3_80_L.55.en.txt", // a conference named before "its resolutions", past a comma
			"Intolerance and the effective implementation of the Durban Declaration and\nProgramme of Action adopted by the World Conference,1 in particular its resolutions\n66/144 of 19 December 2011, 67/155 of 20 December 2012,",
			[]string{"A/RES/66/144", "A/RES/67/155"}},
		{"A_C.2_80_L.38.en.txt", // the organ named after the number
			"Taking note of resolution 6/14 of 1 March 2024 of the United Nations Environment Assembly, entitled “Strengthening international efforts to combat desertification and land degradation”,9",
			nil},
		{"A_RES_80_228.en.txt", // a functional commission with a long name, and the list after it
			"Recalling also Commission on Crime Prevention and Criminal Justice resolution 27/2 of 18 May 2018, entitled “Preventing and combating trafficking in persons facilitated by the criminal misuse of information and communications technologies”,13 resolution 27/3 of 18 May 2018, entitled “Improving the protection of children against trafficking in persons”,14",
			nil},
		{"A_RES_80_222.en.txt", // an organ named in the next paragraph is not the one after the number
			"Recalling its previous resolutions on the situation of human rights in the Islamic\nRepublic of Iran, the most recent of which is resolution 79/183 of 17 December 2024,\n\nWelcoming Human Rights Council resolution 58/21 of 3 April 2025,3 in which\nthe Council decided to extend the mandates",
			[]string{"A/HRC/RES/58/21", "A/RES/79/183"}},
		{"A_RES_78_199.en.txt", // the adopter named after a descriptive clause
			"Recalling the adoption of resolution 2000/22 of 18 August 2000, on the \npromotion of dialogue on human rights issues, by the Subcommission on the \nPromotion and Protection of Human Rights at its fifty-second session,6",
			nil},
		{"S_RES_452(1979).en.txt", // a commission established by a resolution, not its adopter
			"1. Commends the work done by the Security Council Commission established under resolution 446 (1979)\nin preparing the report on the establishment of Israeli",
			[]string{"S/RES/446 (1979)"}},
		{"S_RES_577(1985).en.txt",
			"Having examined the report of the Security Council\nCommission of Investigation established under resolution 571 (1985), 79",
			[]string{"S/RES/571 (1985)"}},
	}
	for _, tt := range tests {
		if got := sortedCitations(tt.file, tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.file, got, tt.want)
		}
	}
}

// Document symbols keep their qualifiers and the suffixes after them.
func TestRuleDocumentSymbolQualifiers(t *testing.T) {
	// Footnotes of A_RES_80_33.en.txt.
	text := "2 1995 Review and Extension Conference of the Parties to the Treaty on the Non-Proliferation of\n" +
		"Nuclear Weapons, Final Document, Part I (NPT/CONF.1995/32 (Part I) and NPT/CONF.1995/32\n" +
		"(Part I)/Corr.2), annex, decision 2.\n\n" +
		"3 See 2000 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear\n" +
		"Weapons, Final Document, vol. I (NPT/CONF.2000/28 (Parts I and II)), part I, section entitled\n\n" +
		"Weapons, Final Document, vols. I–III (NPT/CONF.2010/50 (Vol. I), NPT/CONF.2010/50\n(Vol. II) and NPT/CONF.2010/50 (Vol. III)).\n"
	want := []string{"NPT/CONF.1995/32 (Part I)", "NPT/CONF.1995/32 (Part I)/Corr.2", "NPT/CONF.2000/28 (Parts I and II)",
		"NPT/CONF.2010/50 (Vol. I)", "NPT/CONF.2010/50 (Vol. II)", "NPT/CONF.2010/50 (Vol. III)"}
	if got := Extract("A_RES_80_33.en.txt", text, nil).References; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func mentionCodes(name, text string) []string {
	var out []string
	for _, m := range Extract(name, text, nil).Mentions {
		out = append(out, m.State)
	}
	return out
}

// Former and informal names count as the State's name, the Ukrainian and
// Byelorussian SSRs are UKR and BLR, the USSR maps to none, and a name
// split across a line break still counts.
func TestRuleFormerAndInformalNames(t *testing.T) {
	tests := []struct {
		file, text string
		want       []string
	}{
		{"S_RES_19(1947).en.txt", "with 3 abstentions (Poland,\nSyria, Union of Soviet Socialist Republics).\n", []string{"POL", "SYR"}},
		{"S_RES_38(1948).en.txt", "Adopted at the 229th meeting by 9 votes to none,\nwith 2 abstentions (Ukrainian Soviet Socialist Republic, Union of Soviet Socialist Republics).\n", []string{"UKR"}},
		{"S_RES_322(1972).en.txt", "Angola, Guinea (Bissau) and Cape Verde, and Mozambique as the legitimate representatives of the peoples of those Territories,\n", []string{"AGO", "CPV", "GNB", "MOZ"}},
		{"A_CONF.224_L.5.ru.txt", "В ходе интерактивного обсуждения с заявлениями выступили представители Бангладеш, муниципалитета Тевраг-Зейна в Мавритании, Филиппин, Сирийской Арабской Республики, Швеции, Мальдивских Островов, Соединенного Королевства и Бенина.",
			[]string{"BEN", "BGD", "GBR", "MDV", "MRT", "PHL", "SWE", "SYR"}},
		{"A_HRC_28_2.en.txt", "             Serbia, Slovakia, Swaziland, Sweden, Switzerland, Tanzania, Uganda, Ukraine, the United\n             Kingdom of Great Britain and Northern Ireland, the United States of America and Zambia\n",
			[]string{"CHE", "GBR", "SRB", "SVK", "SWE", "SWZ", "UGA", "UKR", "USA", "ZMB"}},
	}
	for _, tt := range tests {
		if got := mentionCodes(tt.file, tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.file, got, tt.want)
		}
	}
}

// A place that only shares a State's name is not a mention; an informal
// name is mapped to the State it denotes. The corpus holds no sentence
// for the first four, so they are written for the test.
func TestRulePlacesThatShareAStateName(t *testing.T) {
	tests := []struct {
		file, text string
		want       []string
	}{
		{"x.en.txt", "Clashes were reported in the Équateur province of the Democratic Republic of the Congo.", []string{"COD"}},
		{"x.en.txt", "The delegation visited the US state of Georgia and New Mexico before returning to Mexico.", []string{"MEX"}},
		{"x.fr.txt", "Des affrontements ont eu lieu dans la province de l'Équateur.", nil},
		{"x.en.txt", "Oil spills in the Niger Delta and traffic on the Congo River were discussed with Nigeria.", []string{"NGA"}},
		{"x.zh.txt", "刚果（金）代表团和刚果（布）代表团出席了会议。", []string{"COD", "COG"}},
		// Chinese, written without spaces, from the excerpts: a city whose
		// name starts with a State's (马里乌波尔, Mariupol), and words across
		// a name ("合法国家" holds 法国, "发展中国家" 中国).
		{"S_2015_55.zh.txt", "乌克兰外交部关于恐怖分子炮击顿涅茨克地区马里乌波尔事件的正式声明及其英译文(见附件)", []string{"UKR"}},
		{"S_2015_41.zh.txt", "12. 根据阿拉伯国家联盟的相关决议及阿盟《宪章》，并按照阿盟成员国《共同防御和经济合作条约》及其军事附件，采取一切必要措施，支持合法国家机构恢复利比亚的安全与稳定；", []string{"LBY"}},
		{"A_69_L.53.zh.txt", "2. 鼓励会员国及相关国际组织在提供技术援助方面加强全球合作，特别是援助发展中国家开展大地测量能力建设，以确保全球大地测量参考框架的建立、可持续性和完善；", nil},
	}
	for _, tt := range tests {
		if got := mentionCodes(tt.file, tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A State's amendments to a draft are an "amendment" whose author is that
// State; a corrigendum or an addendum (without a kind of its own) says so.
func TestRuleAmendmentsCorrigendaAddenda(t *testing.T) {
	// The cover of A_80_L.19.en.txt.
	l19 := `United Nations
A/80/L.19
General Assembly
Distr.: Limited
26 November 2025
Original: English
25-19373 (E)    021225
*2519373*
Eightieth session
Agenda item 72 (a)
Strengthening of the coordination of humanitarian and
disaster relief assistance of the United Nations, including
special economic assistance: strengthening of the coordination
of emergency humanitarian assistance of the United Nations

Russian Federation:* amendment to draft resolution A/80/L.18
Safety and security of humanitarian personnel and protection of
United Nations personnel

Delete the thirty-eighth preambular paragraph reading:
`
	d := Extract("A_80_L.19.en.txt", l19, nil)
	if d.Type != "amendment" || d.Author != "RUS" {
		t.Errorf("A/80/L.19: type %q author %q, want amendment by RUS", d.Type, d.Author)
	}
	// An excerpt of A/69/102/Add.2 and a corrigendum (its symbol, written
	// for the test: the corpus has none).
	if d := Extract("A_69_102_Add.2.en.txt", "Agenda item 113 (b)\nAppointment of members of the Committee on Contributions\n", nil); d.Type != "addendum" {
		t.Errorf("A/69/102/Add.2: type %q, want addendum", d.Type)
	}
	if d := Extract("A_C.3_80_L.28_Corr.1.en.txt", "Draft resolution A/C.3/80/L.28\nCorrigendum\n1. Operative paragraph 3\n", nil); d.Type != "corrigendum" {
		t.Errorf("corrigendum: type %q", d.Type)
	}
}

// The date of a resolution is its adoption date, where the adoption line
// wraps and where the closing line reads "(resumed) plenary meeting".
func TestRuleResolutionDate(t *testing.T) {
	// The cover of A_RES_80_173.en.txt, whose Distr. date is cut here.
	cover := "United Nations\nA/RES/80/173\nGeneral Assembly\n\n Resolution adopted by the General Assembly \non 17 December 2025 \n\n[without reference to a Main Committee (A/80/L.41)]\n"
	if d := Extract("A_RES_80_173.en.txt", cover, nil); d.Date != "2025-12-17" {
		t.Errorf("wrapped adoption line: date %q, want 2025-12-17", d.Date)
	}
	// The Distr. date and the closing lines of A_RES_78_230.en.txt.
	text := "United Nations\nA/RES/78/230\nGeneral Assembly\nDistr.: General\n28 December 2023\n\n" +
		"Decides to include in the provisional agenda of its seventy-ninth session the item entitled\n“Promotion of inclusive and effective international cooperation on\ntax matters at the United Nations”.\n \n50th (resumed) plenary meeting \n22 December 2023 \n"
	if d := Extract("A_RES_78_230.en.txt", text, nil); d.Date != "2023-12-22" {
		t.Errorf("(resumed) plenary meeting: date %q, want 2023-12-22", d.Date)
	}
}
