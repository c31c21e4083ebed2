# Sourced by build.sh and verify.sh: the package version, from their first argument or else the version in
# pom.xml, without a qualifier such as -SNAPSHOT (jpackage and dpkg want N[.N[.N]]).
# Needs $root (the checkout) set.
package_version() {
  local version="${1:-$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1)}"
  echo "${version%%-*}"
}
