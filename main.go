// Command bollard is Bollard, the case-management tool for customs-crime
// investigators. With no subcommand it opens the desktop window; with one it
// runs headless (see cli) and never touches the display.
package main

import (
	"fmt"
	"os"

	"bollard/cli"
	"bollard/ui"
	_ "bollard/ui/localefix" // before Fyne reads the locale
)

func main() {
	if path, ok, err := cli.WindowRequested(os.Args[1:]); ok {
		if err != nil {
			fmt.Fprintln(os.Stderr, "bollard:", err)
			os.Exit(1)
		}
		os.Exit(ui.Run(path))
	}
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
