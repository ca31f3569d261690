print("clerk-team")
