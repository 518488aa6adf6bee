# c  	
// d 
locals {
  a = 1 # e  
}
	  