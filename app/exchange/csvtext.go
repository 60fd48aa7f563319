package exchange

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Text encodings a spreadsheet of seizures arrives in.
const (
	EncodingUTF8        = "UTF-8"
	EncodingUTF8BOM     = "UTF-8 with BOM"
	EncodingUTF16       = "UTF-16"
	EncodingWindows1252 = "Windows-1252"
)

// decodeSheet turns the bytes of a CSV file into text. Excel writes UTF-8
// with a byte-order mark ("CSV UTF-8"), UTF-16 with one ("Unicode text"),
// or, in its plain "CSV" on a Western European Windows, Windows-1252; a file
// that is not valid UTF-8 is taken to be Windows-1252, which decodes any byte.
func decodeSheet(data []byte) (text, encoding string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return string(data[3:]), EncodingUTF8BOM // its invalid bytes, if any, are refused by checkSheetText
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], false), EncodingUTF16
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], true), EncodingUTF16
	case utf8.Valid(data):
		return string(data), EncodingUTF8
	}
	return decodeWindows1252(data), EncodingWindows1252
}

func decodeWindows1252(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		b.WriteRune(windows1252[c])
	}
	return b.String()
}

// decodeUTF16 decodes UTF-16 text. Half a surrogate pair, which no text
// has, becomes the three bytes UTF-8 would give it, which are not valid
// UTF-8, so that checkSheetText refuses it instead of it turning silently
// into U+FFFD.
func decodeUTF16(data []byte, bigEndian bool) string {
	units := make([]uint16, len(data)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			units[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	b := make([]byte, 0, len(units)+len(units)/4)
	for i := 0; i < len(units); i++ {
		u := rune(units[i])
		switch {
		case !utf16.IsSurrogate(u):
			b = utf8.AppendRune(b, u)
		case u < 0xDC00 && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] <= 0xDFFF:
			b = utf8.AppendRune(b, utf16.DecodeRune(u, rune(units[i+1])))
			i++
		default:
			b = append(b, 0xED, byte(0x80|(u>>6)&0x3F), byte(0x80|u&0x3F))
		}
	}
	return string(b)
}

// windows1252 maps each byte of Windows-1252 to its character. It is
// Latin-1 except for 0x80–0x9F, where Windows put the euro sign, curly
// quotes and dashes; the five bytes it leaves undefined decode as
// themselves, as Windows does.
var windows1252 = func() (t [256]rune) {
	for i := range t {
		t[i] = rune(i)
	}
	high := []rune{
		'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
		0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
	}
	copy(t[0x80:0xA0], high)
	return t
}()

// sheetFold reduces a header or a word to what tells it apart: lower case,
// without accents, with punctuation as single spaces. "Código SA", "codigo
// s.a." and "CODIGO_SA" all fold to "codigo s a" or "codigo sa".
func sheetFold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if base, ok := unaccent[r]; ok {
			r = base
		}
		switch {
		case r == 'œ':
			b.WriteString("oe")
			space = false
		case r == 'æ':
			b.WriteString("ae")
			space = false
		case r == 'ß':
			b.WriteString("ss")
			space = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		case r == '\'' || r == '’' || r == '.':
			// d'origine → dorigine would not match; keep it a space, but
			// s.a. is folded to "s a" and matched as written in the table
			space = true
		default:
			space = true
		}
	}
	return b.String()
}

// unaccent maps the accented letters of the languages Bollard's officers
// write (Spanish, Portuguese, French and their neighbours) to their base.
var unaccent = func() map[rune]rune {
	m := map[rune]rune{}
	for base, accented := range map[rune]string{
		'a': "áàâãäåā", 'c': "çćč", 'e': "éèêëē", 'i': "íìîïī", 'n': "ñń",
		'o': "óòôõöøō", 'u': "úùûüū", 'y': "ýÿ", 's': "šś", 'z': "žź",
	} {
		for _, r := range accented {
			m[r] = base
		}
	}
	m['º'], m['ª'] = 'o', 'a'
	return m
}()
