/* a block comment */
/*
 * multi-line
 * block comment
 */
locals {
  a                           = /* inline */ 1
  b                           = [1, /* between */ 2]
  /* before an attribute */ c = 3
}
/* last */
