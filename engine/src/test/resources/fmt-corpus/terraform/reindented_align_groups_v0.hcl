locals {
  a      = 1
  bbbbbb = 2
  # a comment breaks? 
  cc        = 3
  ddddddddd = 4

  e    = 5
  ffff = 6
  /* block */
  g = 7
  hhhhhhh = {
    x    = 1
    yyyy = 2
  }
  i   = 8
  jjj = 9  # trailing
  k   = 10 // other	
}
 
