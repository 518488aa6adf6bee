locals {
  bom = "leading byte order mark"
}
