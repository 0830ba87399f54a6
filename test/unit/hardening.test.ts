import { csvCell, spreadsheetCsv } from '../../src/web/csv'

describe('CSV cells', () => {
  it('keep text that starts like a formula as text, and numbers as numbers', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+30 22510 12345')).toBe("'+30 22510 12345")
    expect(csvCell('-5')).toBe("'-5")
    expect(csvCell('@user')).toBe("'@user")
    expect(csvCell('\tx')).toBe("'\tx")
    expect(csvCell('\rx')).toBe("'\rx")
    expect(csvCell('Λακκούβα = μεγάλη')).toBe('Λακκούβα = μεγάλη')
    expect(csvCell(-5)).toBe(-5)
    expect(csvCell(null)).toBe('')
  })

  it('make a file Excel set to Greek opens', () => {
    const csv = spreadsheetCsv(['Τίτλος', 'Πλήθος'], [['=SUM(A1)', -2]])
    expect(csv).toBe("\uFEFFΤίτλος;Πλήθος\r\n'=SUM(A1);-2\r\n")
  })
})
