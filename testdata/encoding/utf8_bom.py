greeting = 'café'
