package exchange

// Tests encrypt to passphrases at a cheap scrypt cost: the real one takes
// about a second each time. Readers accept any cost up to their maximum.
func init() { scryptWorkFactor = 10 }
