#!/bin/sh
# Installs clerk-team like any Unix tool: a release build with the Swift
# runtime linked in statically (the binary needs no Swift toolchain, only the
# system libraries of scripts/install-deps.sh) and symbols stripped, its
# manual page clerk-team(1), and completions for bash, zsh and fish, all
# generated from the built binary so they match it.
#
#   scripts/install.sh [--prefix DIR]                install (again: replaces)
#   scripts/install.sh --uninstall [--prefix DIR]    remove what was installed
#
# Default prefix: /usr/local when run as root (every login then has
# clerk-team on PATH, which the invitation mail's accept command needs),
# else ~/.local. Installed paths are listed in DIR/share/clerk-team/installed-files;
# --uninstall removes exactly those. CLERK_TEAM_BUILD_PATH names the build
# folder (default .build-release, kept between runs so a reinstall is quick).
set -eu

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; }

prefix=""
uninstall=false
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }; prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        --uninstall) uninstall=true; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

if [ -z "$prefix" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        prefix=/usr/local
        echo "prefix: $prefix (run as root; choose another with --prefix DIR)"
    else
        prefix="$HOME/.local"
        echo "prefix: $prefix (not root; choose another with --prefix DIR)"
    fi
fi
case "$prefix" in
    /*) ;;
    *) prefix="$(pwd)/$prefix" ;;
esac
manifest="$prefix/share/clerk-team/installed-files"

if $uninstall; then
    if [ ! -f "$manifest" ]; then
        echo "install.sh: nothing installed under $prefix (no $manifest)" >&2
        exit 1
    fi
    while IFS= read -r path; do
        case "$path" in
            "$prefix"/*)
                if [ -e "$path" ] || [ -L "$path" ]; then
                    rm -f "$path"
                    echo "removed $path"
                fi
                ;;
            *) echo "install.sh: skipping '$path': not under $prefix" >&2 ;;
        esac
    done <"$manifest"
    rm -f "$manifest"
    rmdir "$prefix/share/clerk-team" 2>/dev/null || true
    echo "clerk-team uninstalled from $prefix"
    exit 0
fi

cd "$(dirname "$0")/.."
build="${CLERK_TEAM_BUILD_PATH:-.build-release}"
echo "building (release, Swift runtime linked statically, stripped) in $build ..."
swift build -c release --product clerk-team --scratch-path "$build" --static-swift-stdlib -Xlinker -s
built="$build/release/clerk-team"

# Everything is generated into a folder first, so a failure installs nothing.
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
"$built" manual >"$stage/clerk-team.1"
"$built" --generate-completion-script bash >"$stage/clerk-team.bash"
"$built" --generate-completion-script zsh >"$stage/_clerk-team"
"$built" --generate-completion-script fish >"$stage/clerk-team.fish"

: >"$stage/installed-files"
put() { # mode source destination
    mkdir -p "$(dirname "$3")"
    cp "$2" "$3.new.$$" && chmod "$1" "$3.new.$$" && mv -f "$3.new.$$" "$3"
    echo "$3" >>"$stage/installed-files"
    echo "installed $3"
}
put 0755 "$built" "$prefix/bin/clerk-team"
put 0644 "$stage/clerk-team.1" "$prefix/share/man/man1/clerk-team.1"
put 0644 "$stage/clerk-team.bash" "$prefix/share/bash-completion/completions/clerk-team"
put 0644 "$stage/_clerk-team" "$prefix/share/zsh/site-functions/_clerk-team"
put 0644 "$stage/clerk-team.fish" "$prefix/share/fish/vendor_completions.d/clerk-team.fish"
mkdir -p "$(dirname "$manifest")"
cp "$stage/installed-files" "$manifest"
echo "installed; the list is in $manifest (scripts/install.sh --uninstall --prefix $prefix removes it)"

case ":${PATH:-}:" in
    *":$prefix/bin:"*) ;;
    *) echo "note: $prefix/bin is not on your PATH; add it (e.g. in ~/.profile: PATH=\"$prefix/bin:\$PATH\")" ;;
esac
echo "manual: man clerk-team (with $prefix/share/man on MANPATH, or: man -l $prefix/share/man/man1/clerk-team.1)"
