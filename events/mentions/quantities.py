"""placeholder"""
def find_quantities(doc, lexicons=None):
    return []
def count_fatalities(doc, quantities, start, end):
    return 0, [], "none"
