import { createTheme, type MantineColorsTuple } from '@mantine/core'

// A calm republican blue; readable on office screens and in black-and-white prints.
const marianne: MantineColorsTuple = ['#e8f0ff', '#d0dcfb', '#a0b6f2', '#6c8deb', '#436ae4', '#2a54e1', '#1c49e0', '#0f3ac8', '#0533b3', '#002b9e']

export const theme = createTheme({
  primaryColor: 'marianne',
  colors: { marianne },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'md',
  headings: { fontWeight: '650' },
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
  },
})
