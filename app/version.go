package app

// Version is Bollard's version; FyneApp.toml carries the same number.
const Version = "0.1.0"
