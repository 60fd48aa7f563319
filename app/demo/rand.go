package demo

import (
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
	"time"
)

// demoAnchor is the demo's "today": every date is drawn backwards from it,
// never after it, so that the same seed gives the same data whatever day the
// demo is run on, and nothing it writes is ever in the future.
var demoAnchor = time.Date(2026, time.October, 31, 12, 0, 0, 0, time.UTC)

// history is how far back the demo's cases reach from the anchor.
const history = 3 * 365 * 24 * time.Hour

const day = 24 * time.Hour

// gen is the demo's only source of chance: a PCG generator seeded from
// Options.Seed. Every choice, identifier, record ID and time is drawn from
// it in a fixed order, so one seed always gives the same workspace.
type gen struct {
	r      *rand.Rand
	anchor time.Time // "today" for the demo; see demoAnchor
	buf    []byte    // scratch for identifiers built byte by byte
}

func newGen(seed int64, anchor time.Time) *gen {
	// The second PCG word is a fixed constant: the seed alone decides the stream.
	return &gen{r: rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15)), anchor: anchor, buf: make([]byte, 0, 64)}
}

// uuid returns a version 4 UUID drawn from the generator, in the same text
// form as model.NewID, so that record IDs are reproducible.
func (g *gen) uuid() string {
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:8], g.r.Uint64())
	binary.LittleEndian.PutUint64(b[8:], g.r.Uint64())
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	var s [36]byte
	hex.Encode(s[0:8], b[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], b[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], b[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], b[8:10])
	s[23] = '-'
	hex.Encode(s[24:36], b[10:16])
	return string(s[:])
}

// n returns a number in [0, n).
func (g *gen) n(n int) int { return g.r.IntN(n) }

// between returns a number in [lo, hi].
func (g *gen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// chance reports true with probability p.
func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// pick returns one element of list.
func pick[T any](g *gen, list []T) T { return list[g.r.IntN(len(list))] }

// digits returns n random decimal digits.
func (g *gen) digits(n int) string { return g.from("0123456789", n) }

// letters returns n random capital letters.
func (g *gen) letters(n int) string { return g.from("ABCDEFGHIJKLMNOPQRSTUVWXYZ", n) }

// from returns n characters drawn from alphabet (ASCII only).
func (g *gen) from(alphabet string, n int) string {
	g.buf = g.buf[:0]
	for range n {
		g.buf = append(g.buf, alphabet[g.r.IntN(len(alphabet))])
	}
	return string(g.buf)
}

// pattern fills a template: 9 a digit, A a capital letter, X a capital
// letter or digit; any other character is copied.
func (g *gen) pattern(tmpl string) string {
	g.buf = g.buf[:0]
	for i := 0; i < len(tmpl); i++ {
		switch c := tmpl[i]; c {
		case '9':
			g.buf = append(g.buf, byte('0'+g.r.IntN(10)))
		case 'A':
			g.buf = append(g.buf, byte('A'+g.r.IntN(26)))
		case 'X':
			g.buf = append(g.buf, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"[g.r.IntN(33)])
		default:
			g.buf = append(g.buf, c)
		}
	}
	return string(g.buf)
}

// within returns a moment in [t, t+d], cut short at end: never after it.
func (g *gen) within(t time.Time, d time.Duration, end time.Time) time.Time {
	if left := end.Sub(t); left < d {
		d = left
	}
	if d <= 0 {
		if t.After(end) {
			return end
		}
		return t
	}
	return t.Add(time.Duration(g.r.Int64N(int64(d))))
}

// before returns a moment in [t-d, t].
func (g *gen) before(t time.Time, d time.Duration) time.Time {
	if d <= 0 {
		return t
	}
	return t.Add(-time.Duration(g.r.Int64N(int64(d))))
}

// amount returns a number in [lo, hi] rounded to a multiple of step, as
// officers report weights and values.
func (g *gen) amount(lo, hi, step float64) float64 {
	v := lo + g.r.Float64()*(hi-lo)
	return float64(int64(v/step+0.5)) * step
}
