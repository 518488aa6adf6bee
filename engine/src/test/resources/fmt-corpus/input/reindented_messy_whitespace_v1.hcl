locals   {	
   a=1
  	 b   =    2   	
  	 c= "x"	
      d =[ 1 ,2,3 ] 
	e = {a=1,b=2}
f = foo( 1,2 )	
	g = !  true 
 h = - 1 
i = a ?b:c
j = x==y&&z!=w||!q
k = 1+2*3/4%5 
 l = var . x
  	 m = (1 + 2) *3
	}
resource   "a"    "b"   {
	}	
 