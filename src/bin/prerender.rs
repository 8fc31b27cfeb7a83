//! `scripts/prerender [--root DIR] FILE.html...` (CONTRACT 9): writes the widget's first
//! paint into every `[data-byline]` host of each file, in place. One line per host or file
//! that could not be done; exit status 1 when any could not.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: prerender [--root DIR] FILE.html...";

fn main() -> ExitCode {
    let mut root = None;
    let mut files = Vec::new();
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--root") => match args.next() {
                Some(dir) => root = Some(PathBuf::from(dir)),
                None => {
                    eprintln!("prerender: --root needs a folder\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            Some(s) if s.starts_with("--root=") => root = Some(PathBuf::from(&s[7..])),
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Some("--") => files.extend(args.by_ref().map(PathBuf::from)),
            Some(s) if s.starts_with('-') && s.len() > 1 => {
                eprintln!("prerender: unknown option {s}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => files.push(PathBuf::from(arg)),
        }
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    if let Some(dir) = root.as_ref().filter(|d| !d.is_dir()) {
        eprintln!("prerender: error: --root {} is not a folder", dir.display());
        return ExitCode::from(2);
    }
    let report = byline::prerender::run(&files, root.as_deref());
    for line in &report.lines {
        eprintln!("{line}");
    }
    eprintln!(
        "prerender: {} host(s) pre-rendered, {} file(s) written",
        report.rendered, report.written
    );
    if report.failed() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
