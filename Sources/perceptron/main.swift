print("perceptron")
