package model

import "strings"

// Field names as the forms and error messages show them.
const (
	mmsiField  = "MMSI"
	phoneField = "phone number"
	emailField = "e-mail address"
)

// NormalizeMMSI checks a Maritime Mobile Service Identity, the number a
// vessel's AIS transponder and radio broadcast, and returns its nine digits.
// Spaces are dropped; there is no check digit, so only the shape is checked.
func NormalizeMMSI(s string) (string, error) {
	c := stripSeparators(s, " ")
	if c == "" {
		return "", Invalid(mmsiField, s, "is empty")
	}
	if len(c) != 9 || !isDigits(c) {
		return "", Invalid(mmsiField, s, "should be 9 digits")
	}
	return c, nil
}

// NormalizePhone checks a telephone number and returns it compact:
// "+442079460958" when written in international form, else the bare digits.
//
// Numbers arrive as "+44 (0)20 7946-0958" or "020.7946.0958"; spaces, dashes,
// dots and brackets are dropped so that the same line, however written,
// matches across seizures and call records. The leading + is kept because it
// is what tells an international number from a national one. ITU E.164 caps a
// number at 15 digits; fewer than 7 is not a reachable line. The "(0)" trunk
// prefix of the "+44 (0)20" style is dropped: dialled from abroad it is wrong.
func NormalizePhone(s string) (string, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", Invalid(phoneField, s, "is empty")
	}
	plus := strings.HasPrefix(t, "+")
	if plus {
		t = t[1:]
		t = strings.Replace(t, "(0)", "", 1)
	}
	c := stripSeparators(t, " -.()/")
	if !isDigits(c) {
		return "", Invalid(phoneField, s, "should hold only digits, with an optional leading +")
	}
	if len(c) < 7 || len(c) > 15 {
		return "", Invalid(phoneField, s, "should have 7 to 15 digits, not %d", len(c))
	}
	if plus {
		return "+" + c, nil
	}
	return c, nil
}

// NormalizeEmail checks an e-mail address and returns it with the domain in
// lower case (domains are case-blind; the local part, strictly, is not, so it
// is kept as typed). The check is deliberately plain, one @, something
// before it, a dotted domain after it, no spaces, because its job is to catch
// slips, not to judge RFC 5322 corner cases found on seized phones.
func NormalizeEmail(s string) (string, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", Invalid(emailField, s, "is empty")
	}
	if strings.ContainsFunc(t, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
		return "", Invalid(emailField, s, "should not contain spaces")
	}
	if strings.Count(t, "@") != 1 {
		return "", Invalid(emailField, s, "should contain exactly one @")
	}
	local, domain, _ := strings.Cut(t, "@")
	if local == "" {
		return "", Invalid(emailField, s, "should have a name before the @")
	}
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") ||
		strings.HasSuffix(domain, ".") || strings.Contains(domain, "..") {
		return "", Invalid(emailField, s, "should have a domain such as example.org after the @")
	}
	return local + "@" + strings.ToLower(domain), nil
}
