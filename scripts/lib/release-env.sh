# Sourced by the scripts that build the release (scripts/build-release, scripts/size-breakdown)
# and by scripts/setup, which installs the toolchain named here.
#
# The release wasm is built with a pinned nightly that rebuilds the standard library with
# panic = "immediate-abort": a panic is a bare wasm trap, so the bundle carries no panic
# messages, source locations or the formatting code that prints them. src/js/start.js catches
# the trap and shows the "could not be displayed" note (docs/architecture.md, "Release
# build"). Everything else (tests, clippy, trunk serve, the native pre-renderer) builds on the
# stable toolchain of rust-toolchain.toml.
RELEASE_TOOLCHAIN=nightly-2026-05-20
export RUSTUP_TOOLCHAIN=$RELEASE_TOOLCHAIN
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT=true
export CARGO_PROFILE_RELEASE_PANIC=immediate-abort
# No file, line or column in the few panic locations left (the trap carries none anyway).
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none"
