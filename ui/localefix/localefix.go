// Package localefix tells Fyne that a "C.UTF-8" locale means English.
//
// Fyne reads the locale while its packages initialise, before main runs, and
// logs "Error parsing user locale C" on stderr when LANG is C.UTF-8 (the
// default of Debian containers and many servers, and so of scripts running
// `bollard` headless). Setting LANGUAGE=en, which gettext reads before LANG
// for messages, keeps that noise out of the command line's one-line errors.
//
// Go initialises a package as soon as everything it imports is initialised,
// taking packages in import-path order; this one imports only the standard
// library and sorts before fyne.io, so its init runs before Fyne's.
package localefix

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); v != "" {
			if lang, _, _ := strings.Cut(v, "."); lang == "C" || lang == "POSIX" {
				os.Setenv("LANGUAGE", "en")
			}
			return
		}
	}
}
