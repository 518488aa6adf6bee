locals {
  a = 1 @
}
