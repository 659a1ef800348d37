/**
 * Form controls that fit the 320 px side panel: a native select is as wide as its longest option (a goal's
 * text, a name with organisation) unless told otherwise, which would push the panel into sideways scrolling.
 */
export const fitControlsToWidth = {
  '& .fui-Select, & .fui-Input, & .fui-Textarea, & .fui-SpinButton, & .fui-Field': {
    maxWidth: '100%',
    minWidth: 0,
    boxSizing: 'border-box',
  },
  '& .fui-Select, & .fui-Input:not([type="date"]), & .fui-Textarea': { width: '100%' },
  '& select': { minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' },
} as const;
