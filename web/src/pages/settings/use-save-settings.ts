import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateSettings } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { keys } from '../../api/queries.js';
import type { Settings, SettingsPatch } from '../../api/types.js';
import { useToasts } from '../../components/Toasts.js';

export function useSaveSettings() {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => updateSettings(patch),
    onMutate: async (patch) => {
      await queryClient.cancelQueries({ queryKey: keys.settings });
      const before = queryClient.getQueryData<Settings>(keys.settings);
      if (before) queryClient.setQueryData<Settings>(keys.settings, { ...before, ...patch });
      return { before };
    },
    onSuccess: () => toasts.show({ message: 'Settings saved.' }),
    onError: (error, _patch, context) => {
      if (context?.before) queryClient.setQueryData(keys.settings, context.before);
      toasts.show({ message: describeError(error), tone: 'error' });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.settings }),
  });
}
