package search

import (
	"unicode"
	"unicode/utf8"
)

// Folding turns any text into the form it is matched in: lower-case ASCII
// letters and digits, words separated by single spaces. Accents and other
// marks are dropped (Muñoz = munoz, Łódź = lodz), ligatures and letters
// without a base letter are spelt out (Straße = strasse, æ = ae, þ = th),
// Cyrillic and Greek are transliterated (Щербаков = shcherbakov, Γεώργιος =
// georgios), apostrophes vanish (O'Brien = obrien) and every other
// punctuation mark or space becomes one word break. Letters of scripts with
// no Latin reading here (Arabic, Chinese...) are kept, lower-cased, as they
// are.
//
// Matching ignores the word breaks where it must: a query typed without
// spaces still finds "MSCU 123456-6" (folded "mscu 123456 6"), because the
// matchers skip spaces in the text.

// Fold returns the folded form of s: what the index matches a query against.
// "Muñoz Rojas, S.A." folds to "munoz rojas s a".
func Fold(s string) string {
	b, _ := foldInto(nil, nil, s, false)
	return string(b)
}

// FoldOffsets returns the folded form of s and, for each of its bytes, the
// byte offset in s of the character it came from: what a caller that finds
// something in the folded text needs to act on the original (the dossier
// withholds a name found folded, in the text as written).
func FoldOffsets(s string) (string, []int32) {
	b, offs := foldInto(nil, nil, s, true)
	return string(b), offs
}

// foldInto appends the folded form of s to dst. With withOffs, it also
// appends to offs, for each byte it appends to dst, the byte offset in s of
// the character that byte came from, so that a match in the folded text can
// be shown on the original characters. A ligature or a transliterated
// letter gives several bytes that all point at the one original character.
func foldInto(dst []byte, offs []int32, s string, withOffs bool) ([]byte, []int32) {
	start := len(dst)
	pendingBreak := false // a word break is due before the next letter
	var prevGreek rune    // the previous character's Greek letter, 0 if it was none
	emit := func(text string, at int) {
		if pendingBreak {
			if len(dst) > start {
				dst = append(dst, ' ')
				if withOffs {
					offs = append(offs, int32(at))
				}
			}
			pendingBreak = false
		}
		dst = append(dst, text...)
		if withOffs {
			for range len(text) { // a byte each: a kept letter may be several
				offs = append(offs, int32(at))
			}
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			prevGreek = 0
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				emit(asciiString[c:c+1], i)
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
				emit(asciiString[c:c+1], i)
			case c == '\'' || c == '`':
				// O'Brien is one name, obrien
			default:
				pendingBreak = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		greek := prevGreek
		prevGreek = 0
		switch text, class := foldRune(r); class {
		case runeLetter:
			emit(text, i)
		case runeDrop:
			prevGreek = greek // a combining accent does not split a Greek digraph
		case runeGreek:
			base := text
			prevGreek, _ = greekLetter(r)
			emit(foldGreek(prevGreek, greek, nextGreek(s[i+size:]), base), i)
		case runeKeep:
			var buf [utf8.UTFMax]byte
			n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
			emit(string(buf[:n]), i)
		default:
			pendingBreak = true
		}
		i += size
	}
	return dst, offs
}

// asciiString lets foldInto take one-byte strings without allocating.
const asciiString = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f" +
	"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
	" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f"

// runeClass says what folding does with a character.
type runeClass uint8

const (
	runeBreak  runeClass = iota // a word break: punctuation, spaces, symbols
	runeLetter                  // spelt as the text foldRune returns
	runeDrop                    // dropped without a break: marks, apostrophes, hard and soft signs
	runeGreek                   // a Greek letter, spelt by foldGreek
	runeKeep                    // a letter or digit with no Latin reading, kept lower-cased
)

// foldRune folds one non-ASCII character.
func foldRune(r rune) (string, runeClass) {
	switch {
	case r >= 0xC0 && r < 0x250:
		if t := latinFold[r-0xC0]; t != "" {
			return t, runeLetter
		}
		return "", runeBreak
	case r >= 0x1E00 && r < 0x1F00:
		if t := latinExtraFold[r-0x1E00]; t != "" {
			return t, runeLetter
		}
		return "", runeBreak
	case r >= 0x400 && r < 0x460:
		if t := cyrillicFold[r-0x400]; t != "" {
			return t, runeLetter
		}
		return "", runeDrop
	case r >= 0x386 && r <= 0x3F9:
		if base, ok := greekLetter(r); ok {
			return greekLatin[base], runeGreek
		}
	case r >= 0xFF10 && r <= 0xFF19, r >= 0xFF41 && r <= 0xFF5A: // full-width digits and letters
		return asciiString[r-0xFEE0 : r-0xFEE0+1], runeLetter
	case r >= 0xFF21 && r <= 0xFF3A:
		c := r - 0xFEE0 + 'a' - 'A'
		return asciiString[c : c+1], runeLetter
	case r >= 0xFB00 && r <= 0xFB06:
		return ligatures[r-0xFB00], runeLetter
	}
	switch r {
	case 'µ':
		return "m", runeLetter
	case 'ª':
		return "a", runeLetter
	case 'º':
		return "o", runeLetter
	case '’', '‘', 'ʼ', '´', 'ʹ', '′', '\u00AD': // apostrophes, and the soft hyphen
		return "", runeDrop
	}
	if t, ok := cyrillicExtraFold[r]; ok {
		return t, runeLetter
	}
	if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Cf, r) {
		return "", runeDrop // combining accents of decomposed text (macOS file names), zero-width joiners
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return "", runeKeep
	}
	return "", runeBreak
}

// ligatures spells out U+FB00–U+FB06: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ.
var ligatures = [...]string{"ff", "fi", "fl", "ffi", "ffl", "st", "st"}

// greekLetter returns the small unaccented Greek letter r is written with.
func greekLetter(r rune) (rune, bool) {
	if b, ok := greekBase[r]; ok {
		return b, true
	}
	if r >= 'Α' && r <= 'Ω' && r != 0x3A2 {
		r += 'α' - 'Α'
	}
	if _, ok := greekLatin[r]; ok {
		return r, true
	}
	return 0, false
}

// nextGreek returns the Greek letter that starts rest, skipping combining
// marks, or 0.
func nextGreek(rest string) rune {
	for _, r := range rest {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		g, _ := greekLetter(r)
		return g
	}
	return 0
}

// foldGreek spells the Greek letter g given the letters before and after it,
// for the digraphs ELOT 743 spells as a pair: ου = ou; αυ, ευ, ηυ = av, ev, iv
// before a vowel or a voiced consonant and af, ef, if otherwise (Ευάγγελος =
// evangelos, Ευθύμιος = efthymios); γγ, γξ, γχ = ng, nx, nch.
func foldGreek(g, prev, next rune, letter string) string {
	switch g {
	case 'υ':
		switch prev {
		case 'ο':
			return "u"
		case 'α', 'ε', 'η':
			switch next {
			case 'α', 'ε', 'η', 'ι', 'ο', 'υ', 'ω', 'ϊ', 'ϋ', 'β', 'γ', 'δ', 'ζ', 'λ', 'μ', 'ν', 'ρ':
				return "v"
			}
			return "f"
		}
	case 'γ':
		switch next {
		case 'γ', 'ξ', 'χ':
			return "n"
		}
	}
	return letter
}
