package dossier

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"bollard/app/search"
)

// Free text is searched for withheld values on a skeleton of it: the text
// folded (lower case, accents dropped, ß = ss, Cyrillic and Greek
// transliterated, apostrophes dropped; app/search's folding) with every
// space and punctuation mark taken out, each byte remembering where in the
// text it came from. "MUÑOZ-ROJAS", "munoz rojas" and "MunozRojas" are one
// skeleton, "munozrojas"; "+34 600-12-34-56" and "0034600123456" differ only
// by the "00". A value matches only from the start of a word to the end of
// one (a word also starts where letters turn into digits: "DOB14.03.1979"),
// so that an alias "Al" is taken out of "Al met them" and not out of
// "Algeciras".
//
// Names are matched on a second skeleton, respelt so that the ways one name
// is transliterated meet (nameSpelling): Dmitriy, Dmitry, Dmitrii and
// Дмитрий all read "dmitri".

// skeleton is text reduced to what is matched, with the way back.
type skeleton struct {
	b     []byte
	from  []int32 // byte offset in the text of the character b[i] came from
	until []int32 // byte offset in the text where the characters b[i] stands for end
	start []bool  // b[i] starts a word
}

func (k *skeleton) put(c byte, from, until int32, start bool) {
	k.b, k.from, k.until, k.start = append(k.b, c), append(k.from, from), append(k.until, until), append(k.start, start)
}

// wordEnd says whether a match may end before b[i].
func (k *skeleton) wordEnd(i int) bool { return i >= len(k.b) || k.start[i] }

// plainSkeleton is the skeleton numbers, e-mails and addresses are matched on.
func plainSkeleton(s string) skeleton {
	folded, offs := search.FoldOffsets(s)
	var k skeleton
	newWord := true
	wordFrom := 0 // where in k.b the word being read starts
	for i := 0; i < len(folded); i++ {
		c := folded[i]
		if c == ' ' {
			newWord = true
			continue
		}
		if n := len(k.b); n > 0 && !newWord && isDigit(k.b[n-1]) != isDigit(c) {
			newWord = true
		}
		if n := len(k.b); n > 0 && !newWord && elided(s, k.until[n-1], offs[i], string(k.b[wordFrom:])) {
			newWord = true // "d'Aguirre", "l’Ivanova": the name starts after the apostrophe
		}
		if newWord {
			wordFrom = len(k.b)
		}
		_, size := utf8.DecodeRuneInString(s[offs[i]:])
		k.put(c, offs[i], offs[i]+int32(size), newWord)
		newWord = false
	}
	return k
}

// elisions are the words written joined to the next by an apostrophe: the
// elided articles and prepositions of French and Italian (d', l', qu',
// dell'), and the O' of Irish names, whose second part names the person
// alone as often as the whole ("Connor" of O'Connor).
var elisions = map[string]bool{"d": true, "l": true, "qu": true, "s": true, "n": true, "j": true, "m": true,
	"t": true, "c": true, "o": true, "jusqu": true, "lorsqu": true, "puisqu": true, "dell": true, "dall": true,
	"nell": true, "sull": true, "all": true, "coll": true, "degl": true, "un": true, "sant": true}

// elided says whether the text between from and to (the bytes between two
// letters, which folding dropped) is an apostrophe after an elided word.
func elided(s string, from, to int32, word string) bool {
	if to <= from || !elisions[word] {
		return false
	}
	return strings.ContainsAny(s[from:to], "'`’‘ʼ´ʹ′")
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// nameSkeleton is the skeleton names are matched on: the plain skeleton
// respelt word by word.
func nameSkeleton(s string) skeleton {
	plain := plainSkeleton(s)
	var k skeleton
	for i := 0; i < len(plain.b); {
		j := i + 1
		for j < len(plain.b) && !plain.start[j] {
			j++
		}
		nameSpelling(&k, plain, i, j)
		i = j
	}
	return k
}

// nameSpelling respells a folded word so that the spellings of one name in
// the transliterations officers meet agree: y and j are i (Dmitriy, Dmitrij,
// Dmitrii = dmitri), w is v (Wolkow = volkov), x is ks (Aleksei, Alexei),
// kh is h, ph is f, ou is u (Papadopoulos, Пападопулос), ck is k, and a
// doubled letter is single (O'Neill, Onil). Both the recorded name and the
// text are respelt, so the respelling only has to be the same on both
// sides, not right.
func nameSpelling(k *skeleton, plain skeleton, i, j int) {
	first := len(k.b)
	put := func(c byte, at, until int) {
		if n := len(k.b); n > first && k.b[n-1] == c && !isDigit(c) {
			k.until[n-1] = plain.until[until]
			return
		}
		k.put(c, plain.from[at], plain.until[until], len(k.b) == first)
	}
	for ; i < j; i++ {
		c := plain.b[i]
		next := byte(0)
		if i+1 < j {
			next = plain.b[i+1]
		}
		switch {
		case c == 'y' || c == 'j':
			put('i', i, i)
		case c == 'w':
			put('v', i, i)
		case c == 'x':
			put('k', i, i)
			put('s', i, i)
		case c == 'k' && next == 'h', c == 'o' && next == 'u', c == 'c' && next == 'k', c == 'p' && next == 'h':
			put(map[byte]byte{'k': 'h', 'o': 'u', 'c': 'k', 'p': 'f'}[c], i, i+1)
			i++
		default:
			put(c, i, i)
		}
	}
}

// spell is the name skeleton of a recorded name word, without the way back.
func spell(s string) string { return string(nameSkeleton(s).b) }

// pattern is one withheld value as matched.
type pattern struct {
	b string // on the skeleton
	// endings are what may follow b in the same word: a name's inflections
	// and possessive ("Volkov" in "Volkovym", "Muñoz" in "Muñoz's"). Nil
	// for a value that must match whole.
	endings []string
	// stem marks a name less its own ending ("papadopul" of Papadopoulos):
	// even alone in a word it is an inflected form, not the name as written.
	stem bool
	// capital asks for the match to start with a capital letter as typed:
	// an alias that is also a common word ("Al") is taken out of "Al met
	// them" but not out of Spanish "fue al puerto".
	capital bool
	to      string // what prints instead
	class   string // the class of value, for the "What was withheld" page and errors
	shared  int    // how many values besides the first are written so
}

// matcher finds patterns on one kind of skeleton.
type matcher struct {
	byStart map[string][]*pattern // by their first two bytes (or one), longest first
	seen    map[string]*pattern
	many    string // what a value shared by more than maxShared prints as
}

// maxShared is how many persons a shared name word prints as, at most
// ("Person A / Person B / Person C"); a word more share ("García" in a
// case of a family) prints as withheld, pointing at no one.
const maxShared = 3

func newMatcher(many string) *matcher {
	return &matcher{byStart: map[string][]*pattern{}, seen: map[string]*pattern{}, many: many}
}

// add adds a pattern. A value two persons share ("Muñoz", of two brothers)
// prints as both ("Person A / Person B"), never as only one of them: a
// court document must not put one person's act on another.
func (m *matcher) add(p pattern) {
	if len(p.b) < 2 {
		return
	}
	if old := m.seen[p.b]; old != nil {
		if old.to != m.many && old.to != p.to && !strings.Contains(" / "+old.to+" / ", " / "+p.to+" / ") {
			if old.shared++; old.shared < maxShared {
				old.to += " / " + p.to
			} else {
				old.to = m.many
			}
		}
		old.capital = old.capital && p.capital
		old.stem = old.stem && p.stem
		if old.endings == nil {
			old.endings = p.endings
		}
		return
	}
	np := &p
	m.seen[p.b] = np
	key := p.b[:2]
	m.byStart[key] = append(m.byStart[key], np)
	sort.SliceStable(m.byStart[key], func(i, j int) bool { return len(m.byStart[key][i].b) > len(m.byStart[key][j].b) })
}

// span is a match, in bytes of the original text.
type span struct {
	from, to int
	p        *pattern
	exact    bool // matched without an ending
}

// find lists the matches of the patterns in text, given its skeleton.
func (m *matcher) find(text string, k skeleton) []span {
	var out []span
	if len(m.seen) == 0 {
		return nil
	}
	for i := 0; i+1 < len(k.b); i++ {
		if !k.start[i] {
			continue
		}
		var best span
		bestLen := 0
		for _, p := range m.byStart[string(k.b[i:i+2])] {
			if len(p.b) > len(k.b)-i || string(k.b[i:i+len(p.b)]) != p.b {
				continue
			}
			end := i + len(p.b)
			n, exact := 0, false
			if k.wordEnd(end) {
				n, exact = len(p.b), !p.stem
			} else {
				for _, e := range p.endings {
					if e != "" && end+len(e) <= len(k.b) && string(k.b[end:end+len(e)]) == e && k.wordEnd(end+len(e)) {
						n = len(p.b) + len(e)
						break
					}
				}
			}
			if n == 0 || n < bestLen || (n == bestLen && (best.exact || !exact)) {
				continue
			}
			from := int(k.from[i])
			if p.capital {
				if r, _ := utf8.DecodeRuneInString(text[from:]); !unicode.IsUpper(r) {
					continue
				}
			}
			if from > 0 && text[from-1] == '+' && isDigit(p.b[0]) {
				from-- // the + of "+34 600…" goes with the number
			}
			s := span{from: from, to: int(k.until[i+n-1]), p: p, exact: exact}
			if !exact && allCommon(text[s.from:s.to]) {
				continue // "rosa blanca" is not Rosa Blanco, "casa" not Casas
			}
			best, bestLen = s, n
		}
		if bestLen > 0 {
			out = append(out, best)
		}
	}
	return out
}

// allCommon says whether every word of text is a common word.
func allCommon(text string) bool {
	for _, w := range strings.Fields(search.Fold(text)) {
		if !commonWord(w) {
			return false
		}
	}
	return true
}

// replaceSpans prints text with each span replaced by what its pattern
// prints; where spans overlap, the one that starts first wins, and of two
// starting together the longer. A possessive stays one ("Muñoz's" is
// "Person A's").
func replaceSpans(text string, spans []span) string {
	if len(spans) == 0 {
		return text
	}
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].from != spans[j].from {
			return spans[i].from < spans[j].from
		}
		return spans[i].to > spans[j].to
	})
	var b strings.Builder
	last := 0
	for _, s := range spans {
		if s.from < last {
			continue
		}
		b.WriteString(text[last:s.from])
		b.WriteString(s.p.to)
		b.WriteString(possessive(text[s.from:s.to]))
		last = s.to
	}
	b.WriteString(text[last:])
	return b.String()
}

// apostrophes are the ways an apostrophe is typed.
const apostrophes = "'’‘ʼ`´"

// possessive is the "'s" a matched name ends with, as typed, or "".
func possessive(matched string) string {
	if len(matched) < 2 || (matched[len(matched)-1] != 's' && matched[len(matched)-1] != 'S') {
		return ""
	}
	r, size := utf8.DecodeLastRuneInString(matched[:len(matched)-1])
	if size > 0 && strings.ContainsRune(apostrophes, r) {
		return matched[len(matched)-1-size:]
	}
	return ""
}
