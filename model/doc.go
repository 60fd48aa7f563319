// Package model holds Bollard's domain: cases, seizures, entities, evidence and
// the rules that decide whether a value is acceptable. It does no I/O: no SQL,
// no files, no Fyne.
package model
